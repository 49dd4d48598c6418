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

    /// <summary>The shipped example of <paramref name="ruleSet"/> as the gRPC message.</summary>
    public static V1.Application Message(string ruleSet) =>
        Google.Protobuf.JsonParser.Default.Parse<V1.Application>(System.Text.Encoding.UTF8.GetString(Json(ruleSet)));

    /// <summary>The server's scoring operations over the shipped rule sets, as the gRPC handler uses them.</summary>
    public static Server.Scoring.ScoringOperations Operations()
    {
        var provider = new Server.RuleSets.RuleSetProvider(Catalog);
        return new Server.Scoring.ScoringOperations(
            provider, ScoringOptions.Default, new Server.Observability.ServerMetrics(new Prometheus.MetricRegistry(), provider));
    }

    public static Application Parse(string ruleSet) =>
        ApplicationJson.Parse(Json(ruleSet), out var error) ?? throw new InvalidOperationException(error!.Message);
}
