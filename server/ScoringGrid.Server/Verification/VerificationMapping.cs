using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Collector;

namespace ScoringGrid.Server.Verification;

/// <summary>Turns the collector's <see cref="FigureVerification"/> into <c>scoringgrid.v1.FigureVerification</c>.</summary>
internal static class VerificationMapping
{
    public static V1.FigureVerification ToMessage(FigureVerification v)
    {
        var e = v.Evidence;
        var message = new V1.FigureVerification
        {
            Figure = v.Figure,
            Declared = v.Declared,
            Status = StatusName(v.Status),
            TolerancePct = v.TolerancePercent,
            Evidence = new V1.VerificationEvidence
            {
                WindowStart = Timestamp.FromDateTimeOffset(e.WindowStart),
                WindowEnd = Timestamp.FromDateTimeOffset(e.WindowEnd),
                Metric = e.Metric ?? "",
                Series = e.SeriesCount,
                Samples = e.SampleCount,
                FirstSample = e.FirstSample is { } first ? Timestamp.FromDateTimeOffset(first) : null,
                LastSample = e.LastSample is { } last ? Timestamp.FromDateTimeOffset(last) : null,
                Rollup = e.RollupUsed ?? "",
                Description = e.Description,
                LoadTestJson = e.LoadTestJson ?? "",
            },
        };
        if (v.Observed is { } observed)
        {
            message.Observed = observed;
        }

        return message;
    }

    public static string StatusName(VerificationStatus status) => status switch
    {
        VerificationStatus.Verified => "verified",
        VerificationStatus.Shortfall => "shortfall",
        VerificationStatus.Stale => "stale",
        _ => "unverifiable",
    };
}
