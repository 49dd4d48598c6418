using System.Globalization;
using ScoringGrid.Collector.Internal;

namespace ScoringGrid.Collector;

/// <summary>
/// Compares declared figures with what the collector observed (rulebook §7): each figure gets
/// an observed value computed as its <see cref="FigureRule"/> says, a status and evidence.
/// </summary>
public sealed partial class FigureVerifier
{
    private readonly SampleStore _store;
    private readonly TimeProvider _time;
    private readonly VerificationOptions _options;

    /// <summary>Creates a verifier.</summary>
    /// <param name="store">The stored samples.</param>
    /// <param name="time">The clock for "now" when the caller gives none.</param>
    /// <param name="options">Window, staleness bound, tolerances and catalog; defaults when null.</param>
    public FigureVerifier(SampleStore store, TimeProvider time, VerificationOptions? options = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? VerificationOptions.Default;
    }

    /// <summary>Verifies declared figures of a platform.</summary>
    /// <param name="platformId">The platform whose metrics back the figures.</param>
    /// <param name="declared">Figure id → declared value.</param>
    /// <param name="window">The look-back window; <see cref="VerificationOptions.DefaultWindow"/> (30 days) when null.</param>
    /// <param name="now">The end of the window; the clock's now when null.</param>
    /// <returns>One verification per declared figure, ordered by figure id.</returns>
    public async Task<IReadOnlyList<FigureVerification>> VerifyAsync(
        string platformId, IReadOnlyDictionary<string, double> declared, TimeSpan? window = null, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(platformId);
        ArgumentNullException.ThrowIfNull(declared);
        var end = now ?? _time.GetUtcNow();
        var span = window ?? _options.DefaultWindow;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero, nameof(window));

        var figures = new List<string>(declared.Keys);
        figures.Sort(StringComparer.Ordinal);
        IReadOnlyList<StoredSeries>? series = null;
        var results = new List<FigureVerification>(figures.Count);
        foreach (var figure in figures)
        {
            var value = declared[figure];
            var tolerance = _options.TolerancePercent.TryGetValue(figure, out var t) ? t : _options.DefaultTolerancePercent;
            if (!_options.Catalog.TryGetValue(figure, out var rule))
            {
                results.Add(Unverifiable(figure, value, tolerance, end - span, end, null, $"no live metric or load test backs '{figure}' (rulebook §7)"));
                continue;
            }

            if (rule.Aggregation == FigureAggregation.LoadTest)
            {
                results.Add(await VerifyLoadTestAsync(platformId, rule, value, tolerance, end - span, end).ConfigureAwait(false));
                continue;
            }

            series ??= await _store.GetSeriesAsync(platformId).ConfigureAwait(false);
            results.Add(await VerifyMetricAsync(platformId, rule, value, tolerance, series, end - span, end).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Stores a load-test result for a figure measured that way; see <see cref="SampleStore.RecordLoadTestEvidenceAsync"/>.</summary>
    /// <param name="platformId">The platform.</param>
    /// <param name="figure">The figure, e.g. <c>max_concurrency_rps</c>.</param>
    /// <param name="value">The measured value.</param>
    /// <param name="evidenceJson">The load runner's evidence document (JSON).</param>
    public Task RecordLoadTestEvidenceAsync(string platformId, string figure, double value, string evidenceJson) =>
        _store.RecordLoadTestEvidenceAsync(platformId, figure, value, evidenceJson, _time.GetUtcNow());

    private async Task<FigureVerification> VerifyMetricAsync(
        string platformId, FigureRule rule, double declared, double tolerance, IReadOnlyList<StoredSeries> all, DateTimeOffset start, DateTimeOffset end)
    {
        var effective = rule;
        var matching = Matching(all, effective.Metric!);
        while (matching.Count == 0 && effective.Fallback is { } fallback)
        {
            effective = fallback;
            matching = Matching(all, effective.Metric!);
        }

        if (matching.Count == 0)
        {
            return Unverifiable(rule.Figure, declared, tolerance, start, end, rule.Metric, $"metric {rule.Metric} was never observed for platform {platformId}");
        }

        var freshFrom = (end - _options.StalenessBound).ToUnixTimeMilliseconds();
        var live = new List<StoredSeries>(matching.Count);
        long newest = long.MinValue;
        foreach (var s in matching)
        {
            newest = Math.Max(newest, s.LastTimestampMs ?? long.MinValue);
            if (!s.LastIsStale && s.LastTimestampMs >= freshFrom && s.LastTimestampMs <= end.ToUnixTimeMilliseconds())
            {
                live.Add(s);
            }
        }

        if (live.Count == 0)
        {
            var why = matching.TrueForAll(static s => s.LastIsStale)
                ? $"the newest entry of every {effective.Metric} series is a staleness marker (target down or series gone), last at {Time(newest)}"
                : $"the newest {effective.Metric} sample, at {Time(newest)}, is older than the staleness bound of {_options.StalenessBound}";
            var evidence = new VerificationEvidence
            {
                WindowStart = start, WindowEnd = end, Metric = effective.Metric, SeriesCount = matching.Count,
                LastSample = newest == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(newest), Description = why,
            };
            return new FigureVerification(rule.Figure, declared, null, VerificationStatus.Stale, tolerance, evidence);
        }

        var observation = await ObserveAsync(platformId, effective, matching, live, start, end).ConfigureAwait(false);
        return Judge(rule, declared, tolerance, effective.Metric, observation, end);
    }

    private async Task<FigureVerification> VerifyLoadTestAsync(
        string platformId, FigureRule rule, double declared, double tolerance, DateTimeOffset start, DateTimeOffset end)
    {
        var record = await _store.ReadLoadTestEvidenceAsync(platformId, rule.Figure).ConfigureAwait(false);
        if (record is null)
        {
            return Unverifiable(rule.Figure, declared, tolerance, start, end, null, $"no verification load test recorded for '{rule.Figure}'");
        }

        var at = DateTimeOffset.FromUnixTimeMilliseconds(record.RecordedMs);
        var evidence = new VerificationEvidence
        {
            WindowStart = start, WindowEnd = end, SampleCount = 1, FirstSample = at, LastSample = at, RollupUsed = "load_test",
            LoadTestJson = record.EvidenceJson,
            Description = $"verification load test at {Time(record.RecordedMs)} measured {Number(record.Value)}",
        };
        if (at < start)
        {
            return new FigureVerification(rule.Figure, declared, null, VerificationStatus.Stale, tolerance,
                evidence with { Description = $"the newest load test, at {Time(record.RecordedMs)}, is older than the window" });
        }

        return new FigureVerification(rule.Figure, declared, record.Value, Status(rule, declared, record.Value, tolerance), tolerance, evidence);
    }

    private static FigureVerification Judge(FigureRule rule, double declared, double tolerance, string? metric, Observation o, DateTimeOffset end)
    {
        var evidence = new VerificationEvidence
        {
            WindowStart = o.WindowStart, WindowEnd = end, Metric = metric, SeriesCount = o.SeriesCount, SampleCount = o.SampleCount,
            FirstSample = o.FirstMs is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
            LastSample = o.LastMs is { } l ? DateTimeOffset.FromUnixTimeMilliseconds(l) : null,
            RollupUsed = o.RollupUsed, Description = o.Description,
        };
        if (o.Value is not { } observed)
        {
            return new FigureVerification(rule.Figure, declared, null, VerificationStatus.Unverifiable, tolerance, evidence);
        }

        observed *= rule.Scale;
        return new FigureVerification(rule.Figure, declared, observed, Status(rule, declared, observed, tolerance), tolerance, evidence);
    }

    private static VerificationStatus Status(FigureRule rule, double declared, double observed, double tolerance)
    {
        var ok = rule.LowerIsBetter
            ? observed <= declared * (1 + (tolerance / 100))
            : observed >= declared * (1 - (tolerance / 100));
        return ok ? VerificationStatus.Verified : VerificationStatus.Shortfall;
    }

    private static FigureVerification Unverifiable(
        string figure, double declared, double tolerance, DateTimeOffset start, DateTimeOffset end, string? metric, string why) =>
        new(figure, declared, null, VerificationStatus.Unverifiable, tolerance,
            new VerificationEvidence { WindowStart = start, WindowEnd = end, Metric = metric, Description = why });

    private static List<StoredSeries> Matching(IReadOnlyList<StoredSeries> all, string metric)
    {
        var list = new List<StoredSeries>();
        foreach (var s in all)
        {
            if (string.Equals(s.Name, metric, StringComparison.Ordinal))
            {
                list.Add(s);
            }
        }

        return list;
    }

    private static string Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
