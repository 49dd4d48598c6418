using ScoringGrid.Collector;
using ScoringGrid.Load.Capacity;
using ScoringGrid.Load.Reports;

namespace ScoringGrid.Load.Evidence;

/// <summary>
/// Stores a capacity search as verification evidence for <c>max_concurrency_rps</c> and
/// <c>response_time_ms</c> (rulebook §7), through the collector's <see cref="FigureVerifier"/>,
/// so that figure verification reports them with their status and this evidence.
/// </summary>
public static class LoadTestEvidence
{
    /// <summary>The figure for the highest rate held.</summary>
    public const string MaxConcurrencyFigure = "max_concurrency_rps";

    /// <summary>The figure for p95 latency at the declared rate.</summary>
    public const string ResponseTimeFigure = "response_time_ms";

    /// <summary>Records both figures for <paramref name="platformId"/>; returns the figures written.</summary>
    public static async Task<IReadOnlyDictionary<string, double>> RecordAsync(FigureVerifier verifier, string platformId, CapacityResult capacity)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentException.ThrowIfNullOrWhiteSpace(platformId);
        ArgumentNullException.ThrowIfNull(capacity);
        var evidence = ReportJson.WriteCompact(Slim(capacity));
        var written = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [MaxConcurrencyFigure] = capacity.HighestRateHeld,
        };
        await verifier.RecordLoadTestEvidenceAsync(platformId, MaxConcurrencyFigure, capacity.HighestRateHeld, evidence).ConfigureAwait(false);
        if (capacity.ResponseTimeMs is { } rt)
        {
            await verifier.RecordLoadTestEvidenceAsync(platformId, ResponseTimeFigure, rt, evidence).ConfigureAwait(false);
            written[ResponseTimeFigure] = rt;
        }

        return written;
    }

    // The evidence keeps the steps and the declared-rate summary, not per-second series.
    private static CapacityResult Slim(CapacityResult c) =>
        c with { DeclaredRateRun = c.DeclaredRateRun is { } r ? r with { Intervals = [], Distribution = [] } : null };
}
