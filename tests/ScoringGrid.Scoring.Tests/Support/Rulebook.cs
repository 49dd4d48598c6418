namespace ScoringGrid.Scoring.Tests.Support;

/// One numeric rule of the rulebook at one level: a figure (value ≥ threshold) or a count of
/// items taken in <see cref="RulebookSection.Lists"/> order (first N ticked ≥ N).
/// <paramref name="Variant"/> selects a baseline ("" = any; "process"/"discrete"; "it").
public sealed record Threshold(string Level, string Rule, string Target, double Value, bool Items, string Variant = "");

/// A flag the rulebook requires at a level.
public sealed record RequiredFlag(string Level, string Rule, string Flag, string Variant = "");

/// A laddered programme as the rulebook states it — written here by hand, independently of the
/// YAML, so a typo in a rule file makes the threshold tests fail.
public abstract class RulebookSection
{
    public abstract string RuleSetId { get; }

    public abstract string Province { get; }

    public abstract string[] Levels { get; }

    public abstract Threshold[] Thresholds { get; }

    public abstract RequiredFlag[] RequiredFlags { get; }

    /// Item lists by name; counts tick their first N entries.
    public abstract IReadOnlyDictionary<string, string[]> Lists { get; }

    public virtual string[] Variants => [""];

    /// Gate and deployment fields shared by every level's baseline.
    protected virtual void Prepare(AppBuilder app, string level, string variant)
    {
    }

    /// An application that passes every rule at <paramref name="level"/> with nothing to spare.
    public AppBuilder Minimal(string level, string variant = "")
    {
        var app = new AppBuilder(RuleSetId, Province);
        foreach (var f in RequiredFlags)
        {
            if (f.Level == level && Applies(f.Variant, variant))
            {
                app.Flag(f.Flag);
            }
        }

        foreach (var t in Thresholds)
        {
            if (t.Level != level || !Applies(t.Variant, variant))
            {
                continue;
            }

            if (t.Items)
            {
                app.Tick(Lists[t.Target].Take((int)t.Value));
            }
            else
            {
                app.Figure(t.Target, t.Value);
            }
        }

        Prepare(app, level, variant);
        return app;
    }

    public int LevelIndex(string level) => Array.IndexOf(Levels, level);

    private static bool Applies(string rowVariant, string variant) => rowVariant.Length == 0 || rowVariant == variant;

    public static RulebookSection[] All { get; } =
        [new JsStar2019Rulebook(), new JsStar2018Rulebook(), new HbBenchmark2018Rulebook(), new JsIiotPlatform2019Rulebook(), new JsBenchmarkFactory2019Rulebook()];

    public static RulebookSection For(string id) => All.Single(s => s.RuleSetId == id);
}
