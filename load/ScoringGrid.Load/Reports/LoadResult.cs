using System.Text.Json.Serialization;
using ScoringGrid.Load.Histograms;
using ScoringGrid.Load.Thresholds;

namespace ScoringGrid.Load.Reports;

/// <summary>
/// The outcome of one run. Counts and latencies cover the measured part only (warm-up excluded).
/// Latency is from each request's intended start (open model) to its last response byte;
/// <see cref="ServiceTime"/> is from the actual send. Percentiles are of successful requests.
/// </summary>
public sealed record LoadResult
{
    /// <summary>What was loaded.</summary>
    public required string Target { get; init; }

    /// <summary>The load model, described.</summary>
    public required string Model { get; init; }

    /// <summary>Whether the model was open (arrival rate) or closed (concurrency).</summary>
    public required bool OpenModel { get; init; }

    /// <summary>When the run started (wall clock).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Warm-up length in seconds.</summary>
    public required double WarmupSeconds { get; init; }

    /// <summary>Length of the measured part in seconds (to the last completion).</summary>
    public required double MeasuredSeconds { get; init; }

    /// <summary>Why issuing stopped: <c>completed</c>, <c>max-requests</c>, <c>max-duration</c> or <c>cancelled</c>.</summary>
    public required string StopReason { get; init; }

    /// <summary>Requests issued during the warm-up (excluded from everything else).</summary>
    public required long WarmupRequests { get; init; }

    /// <summary>Measured requests issued.</summary>
    public required long Issued { get; init; }

    /// <summary>Measured successes.</summary>
    public required long Succeeded { get; init; }

    /// <summary>Measured failures (every kind in <see cref="ErrorsByKind"/>).</summary>
    public required long Failed { get; init; }

    /// <summary>Starts that could not be issued on time because <c>max-in-flight</c> requests were already waiting.</summary>
    public required long Dropped { get; init; }

    /// <summary>Failures by kind: <c>http 503</c>, <c>grpc UNAVAILABLE</c>, <c>timeout</c>, <c>connection error</c>, …</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }

    /// <summary>(failed + dropped) / (issued + dropped); 0 when nothing was due.</summary>
    public double ErrorRate => Issued + Dropped == 0 ? 0 : (double)(Failed + Dropped) / (Issued + Dropped);

    /// <summary>Successes per second of the measured part.</summary>
    public required double ThroughputRps { get; init; }

    /// <summary>Starts due per second (issued + dropped) in the measured part.</summary>
    public required double OfferedRps { get; init; }

    /// <summary>The most requests in flight at once.</summary>
    public required int MaxInFlightSeen { get; init; }

    /// <summary>Latency from the intended start, in ms.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Latency from the actual send, in ms (equals <see cref="Latency"/> in a closed model).</summary>
    public required LatencySummary ServiceTime { get; init; }

    /// <summary>Per-second figures.</summary>
    public required IReadOnlyList<IntervalSample> Intervals { get; init; }

    /// <summary>The latency distribution by percentile.</summary>
    public required IReadOnlyList<PercentilePoint> Distribution { get; init; }

    /// <summary>The thresholds checked against this result.</summary>
    public IReadOnlyList<ThresholdResult> Thresholds { get; init; } = [];

    /// <summary>Whether every threshold held.</summary>
    public bool Passed
    {
        get
        {
            foreach (var t in Thresholds)
            {
                if (!t.Passed)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The latency histogram (ns) behind <see cref="Latency"/>; not serialised.</summary>
    [JsonIgnore]
    public LatencyHistogram? Histogram { get; init; }
}
