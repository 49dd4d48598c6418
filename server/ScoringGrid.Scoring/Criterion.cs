using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring;

/// <summary>
/// How one rule fared at one level. A value type over the compiled rule, so explaining a
/// result costs nothing until someone reads <see cref="Explanation"/>.
/// </summary>
public readonly struct Criterion
{
    internal Criterion(CriterionDefinition definition, EvaluationInput input, bool passed, double observed, double required, double points)
    {
        Definition = definition;
        Input = input;
        Passed = passed;
        ObservedValue = observed;
        RequiredValue = required;
        Points = points;
    }

    internal CriterionDefinition Definition { get; }

    internal EvaluationInput Input { get; }

    internal double ObservedValue { get; }

    internal double RequiredValue { get; }

    /// <summary>The rule id, e.g. <c>gate.province</c> or <c>infra.storage</c>.</summary>
    public string Id => Definition.RuleId;

    /// <summary>The level; empty for rules outside the ladder (gates of unlevelled programmes, score lines).</summary>
    public string Level => Definition.Level;

    /// <summary><c>check</c>, <c>line</c>, <c>expert</c> or <c>report</c>.</summary>
    public string Kind => Definition.Kind;

    /// <summary>Whether the rule passed (always true for score lines and reports).</summary>
    public bool Passed { get; }

    /// <summary>The application's value in the deciding comparison; null when not declared or not numeric.</summary>
    public double? Observed => double.IsNaN(ObservedValue) ? null : ObservedValue;

    /// <summary>The value the rule requires (0 when the rule has no number).</summary>
    public double Required => double.IsNaN(RequiredValue) ? 0 : RequiredValue;

    /// <summary>Points earned (score lines); the points of a result sum exactly to its total.</summary>
    public double Points { get; }

    /// <summary>Points available.</summary>
    public double MaxPoints => Definition.MaxPoints;

    /// <summary>Why it passed or failed, with the numbers, in English.</summary>
    public string Explanation => Definition.Explain(this).En;

    /// <summary>The same in Chinese.</summary>
    public string ExplanationZh => Definition.Explain(this).Zh;

    /// <summary>Both explanations at once (cheaper than reading the two properties).</summary>
    public void GetExplanations(out string english, out string chinese) => (english, chinese) = Definition.Explain(this);

    /// <summary>
    /// Both explanations written as UTF-8 after what the builders hold: the same texts as
    /// <see cref="GetExplanations"/>, with no string (for writers that send the bytes).
    /// </summary>
    public void WriteExplanations(Utf8TextBuilder english, Utf8TextBuilder chinese)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(chinese);
        Definition.WriteExplanations(this, english, chinese);
    }

    internal Criterion WithPoints(double points) => new(Definition, Input, Passed, ObservedValue, RequiredValue, points);

    /// <summary>This outcome reported for another entry of the same rule (see <see cref="CompiledRuleSet.SameOutcomeAs"/>).</summary>
    internal Criterion At(CriterionDefinition definition) => new(definition, Input, Passed, ObservedValue, RequiredValue, Points);
}
