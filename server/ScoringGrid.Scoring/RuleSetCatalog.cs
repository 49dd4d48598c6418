using System.Collections.Frozen;
using ScoringGrid.Scoring.Internal;
using ScoringGrid.Scoring.Internal.Loading;

namespace ScoringGrid.Scoring;

/// <summary>
/// The loaded rule sets, several versions side by side. <c>id</c> resolves to the newest
/// version, <c>id@version</c> pins one. Immutable: reloading builds a new catalog.
/// </summary>
public sealed class RuleSetCatalog
{
    private readonly FrozenDictionary<string, CompiledRuleSet> _bySpec;
    private readonly string _known;

    private RuleSetCatalog(CompiledRuleSet[] ruleSets)
    {
        Array.Sort(ruleSets, static (a, b) =>
        {
            var byId = string.CompareOrdinal(a.Id, b.Id);
            return byId != 0 ? byId : VersionOrder.Compare(a.Version, b.Version);
        });
        RuleSets = ruleSets;
        var map = new Dictionary<string, CompiledRuleSet>(StringComparer.Ordinal);
        foreach (var rs in ruleSets)
        {
            if (!map.TryAdd(rs.Key, rs))
            {
                throw new RuleSetLoadException(rs.SourceFile, "", $"{rs.Key} is also defined in {map[rs.Key].SourceFile}");
            }

            // Sorted ascending, so the last version written for an id is the newest.
            map[rs.Id] = rs;
        }

        _bySpec = map.ToFrozenDictionary(StringComparer.Ordinal);
        _known = string.Join(", ", ruleSets.Select(static r => r.Key));
    }

    /// <summary>Every loaded rule set, by id then version (oldest first).</summary>
    public IReadOnlyList<CompiledRuleSet> RuleSets { get; }

    /// <summary>A catalog of the given rule sets; two with the same <c>id@version</c> are an error.</summary>
    public static RuleSetCatalog Create(IEnumerable<CompiledRuleSet> ruleSets) => new([.. ruleSets]);

    /// <summary>Compiles one rule file's YAML text; <paramref name="file"/> names it in errors.</summary>
    public static CompiledRuleSet Compile(string file, string yaml) => RuleSetCompiler.Compile(file, yaml);

    /// <summary>Loads every <c>*.yaml</c> / <c>*.yml</c> file of a directory; any broken file fails the whole load.</summary>
    public static RuleSetCatalog LoadDirectory(string directory)
    {
        var files = Directory.EnumerateFiles(directory, "*.yaml").Concat(Directory.EnumerateFiles(directory, "*.yml")).Order(StringComparer.Ordinal);
        return Create(files.Select(static f => Compile(Path.GetFileName(f), File.ReadAllText(f))));
    }

    /// <summary>The six programmes shipped with ScoringGrid (embedded in this assembly).</summary>
    public static RuleSetCatalog LoadShipped()
    {
        var assembly = typeof(RuleSetCatalog).Assembly;
        var sets = new List<CompiledRuleSet>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith("rulesets/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            sets.Add(Compile(name["rulesets/".Length..], reader.ReadToEnd()));
        }

        return Create(sets);
    }

    /// <summary>Finds <c>id</c> (newest) or <c>id@version</c>; otherwise an error naming what is loaded.</summary>
    public bool TryResolve(string spec, out CompiledRuleSet ruleSet, out ScoringError? error)
    {
        if (_bySpec.TryGetValue(spec, out ruleSet!))
        {
            error = null;
            return true;
        }

        error = ResolveError(spec);
        return false;
    }

    /// <summary>Scores an application against the rule set it names.</summary>
    public ScoreOutcome Score(Application application, ScoringOptions? options = null, IReadOnlyDictionary<string, double>? observed = null) =>
        TryResolve(application.RuleSet, out var rs, out var error) ? rs.Score(application, options, observed) : ScoreOutcome.Failure(error!);

    private ScoringError ResolveError(string spec)
    {
        if (spec.Length == 0)
        {
            return ScoringErrors.MissingRuleSet();
        }

        var at = spec.IndexOf('@', StringComparison.Ordinal);
        if (at > 0 && _bySpec.ContainsKey(spec[..at]))
        {
            var id = spec[..at];
            return ScoringErrors.UnknownVersion(id, spec[(at + 1)..], string.Join(", ", RuleSets.Where(r => r.Id == id).Select(static r => r.Version)));
        }

        return ScoringErrors.UnknownRuleSet(spec, _known);
    }
}
