using ScoringGrid.Scoring;

namespace ScoringGrid.Benchmarks;

/// <summary>The shipped example applications, one per rule set: a typical application already parsed.</summary>
internal static class Samples
{
    public static readonly RuleSetCatalog Catalog = RuleSetCatalog.LoadShipped();

    public static byte[] Json(string ruleSet)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "examples");
        var file = Directory.EnumerateFiles(dir, ruleSet + "-*.json").Single();
        return File.ReadAllBytes(file);
    }

    public static Application Parse(string ruleSet) =>
        ApplicationJson.Parse(Json(ruleSet), out var error) ?? throw new InvalidOperationException(error!.Message);
}
