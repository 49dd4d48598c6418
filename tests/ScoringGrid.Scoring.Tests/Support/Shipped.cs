namespace ScoringGrid.Scoring.Tests.Support;

/// The shipped catalog (compiled once per test run) and helpers that score and insist on success.
public static class Shipped
{
    private static readonly Lazy<RuleSetCatalog> Lazy = new(RuleSetCatalog.LoadShipped);

    public static RuleSetCatalog Catalog => Lazy.Value;

    public static CompiledRuleSet RuleSet(string spec)
    {
        Assert.True(Catalog.TryResolve(spec, out var rs, out var error), error?.Message);
        return rs;
    }

    public static ScoreResult Score(Application application, ScoringOptions? options = null)
    {
        var outcome = Catalog.Score(application, options);
        Assert.True(outcome.Succeeded, outcome.Error?.Field + ": " + outcome.Error?.Message);
        return outcome.Result;
    }

    public static ScoreResult Score(AppBuilder builder, ScoringOptions? options = null) => Score(builder.Build(), options);

    public static ScoringError Reject(Application application, ScoringOptions? options = null)
    {
        var outcome = Catalog.Score(application, options);
        Assert.False(outcome.Succeeded, "expected an error, got a result");
        return outcome.Error;
    }

    public static ScoringError Reject(AppBuilder builder) => Reject(builder.Build());

    /// The one criterion of a rule at a level ("" outside the ladder).
    public static Criterion Criterion(this ScoreResult result, string ruleId, string level = "") =>
        Assert.Single(result.Criteria, c => c.Id == ruleId && c.Level == level);

    /// The text of a shipped rule file, as embedded in the core.
    public static string RuleFileText(string id)
    {
        using var stream = typeof(RuleSetCatalog).Assembly.GetManifestResourceStream($"rulesets/{id}.yaml");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// The repository root (the folder holding ScoringGrid.sln), found upwards from the test assembly.
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScoringGrid.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ScoringGrid.sln not found above " + AppContext.BaseDirectory);
    }
}
