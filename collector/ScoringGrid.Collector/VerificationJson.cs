using ScoringGrid.Collector;

namespace ScoringGrid.Collector.Service;

// The JSON shape of verification results (snake_case, as the rest of the product).
internal static class VerificationJson
{
    public static List<Dictionary<string, object?>> From(IReadOnlyList<FigureVerification> results)
    {
        var list = new List<Dictionary<string, object?>>(results.Count);
        foreach (var r in results)
        {
            list.Add(new Dictionary<string, object?>
            {
                ["figure"] = r.Figure,
                ["declared"] = r.Declared,
                ["observed"] = r.Observed,
                ["status"] = r.Status switch
                {
                    VerificationStatus.Verified => "verified",
                    VerificationStatus.Shortfall => "shortfall",
                    VerificationStatus.Stale => "stale",
                    _ => "unverifiable",
                },
                ["tolerance_pct"] = r.TolerancePercent,
                ["evidence"] = new Dictionary<string, object?>
                {
                    ["window_start"] = r.Evidence.WindowStart,
                    ["window_end"] = r.Evidence.WindowEnd,
                    ["metric"] = r.Evidence.Metric,
                    ["series"] = r.Evidence.SeriesCount,
                    ["samples"] = r.Evidence.SampleCount,
                    ["first_sample"] = r.Evidence.FirstSample,
                    ["last_sample"] = r.Evidence.LastSample,
                    ["rollup"] = r.Evidence.RollupUsed,
                    ["description"] = r.Evidence.Description,
                },
            });
        }

        return list;
    }
}
