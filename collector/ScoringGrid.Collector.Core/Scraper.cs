using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScoringGrid.Collector.Internal;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector;

/// <summary>
/// Scrapes a target once and stores the result: fetch with limits, parse, synthetic
/// <c>up</c> / <c>scrape_duration_seconds</c> / <c>scrape_samples_scraped</c>, staleness
/// markers, then an ordered, buffered write to Redis. A failing endpoint or Redis never
/// throws out of <see cref="ScrapeAsync"/>; only the caller's cancellation does.
/// Scrapes of different targets may run in parallel; scrapes of one target are serialised.
/// </summary>
public sealed partial class Scraper : IDisposable
{
    private readonly SampleStore _store;
    private readonly TimeProvider _time;
    private readonly CollectorOptions _options;
    private readonly CollectorMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ScrapeFetcher _fetcher;
    private readonly ExpositionParser _parser;
    private readonly ConcurrentDictionary<string, TargetState> _states = new(StringComparer.Ordinal);

    /// <summary>Creates a scraper.</summary>
    /// <param name="store">Where samples go.</param>
    /// <param name="time">The clock for scrape timestamps, timeouts and durations.</param>
    /// <param name="metrics">The collector's own metrics; a private set when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    public Scraper(SampleStore store, TimeProvider time, CollectorMetrics? metrics = null, ILogger<Scraper>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _time = time;
        _options = store.Options;
        _metrics = metrics ?? new CollectorMetrics();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _fetcher = new ScrapeFetcher(time, _options.BodySizeLimitBytes);
        _parser = new ExpositionParser(new ParserOptions { MaxSamples = _options.SampleLimit });
        _metrics.Registry.AddCollectCallback(UpdateBufferGauge);
    }

    /// <summary>Samples buffered in memory across all targets, waiting for Redis.</summary>
    public long BufferedSamples
    {
        get
        {
            long total = 0;
            foreach (var state in _states.Values)
            {
                total += state.PendingSamples;
            }

            return total;
        }
    }

    /// <summary>Scrapes <paramref name="target"/> now and stores (or buffers) the result.</summary>
    /// <param name="target">The target; must be valid.</param>
    /// <param name="cancellationToken">Stops the scrape; then nothing of it is stored.</param>
    /// <returns>What happened.</returns>
    public async Task<ScrapeResult> ScrapeAsync(ScrapeTarget target, CancellationToken cancellationToken = default) =>
        (await ScrapeUnderLeaseAsync(target, lease: null, cancellationToken).ConfigureAwait(false))!;

    // With a lease, nothing is fetched (null) unless the lease is still valid right before the
    // request goes out: waiting for the target's gate or reading its live series may have taken long.
    internal async Task<ScrapeResult?> ScrapeUnderLeaseAsync(ScrapeTarget target, TargetLease? lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var state = await EnterStateAsync(target.PlatformId, cancellationToken).ConfigureAwait(false);
        try
        {
            if (!state.LiveLoaded)
            {
                await LoadLiveSeriesAsync(state).ConfigureAwait(false);
            }

            if (lease is not null && !lease.MayFetch())
            {
                return null;
            }

            var timestamp = _time.GetUtcNow();
            var started = _time.GetTimestamp();
            var outcome = await _fetcher.FetchAsync(target, cancellationToken).ConfigureAwait(false);
            ParseResult? parsed = null;
            try
            {
                if (outcome.Body is not null)
                {
                    parsed = _parser.Parse(outcome.Body.AsSpan(0, outcome.Length), outcome.Format);
                }
            }
            finally
            {
                outcome.Release();
            }

            var duration = _time.GetElapsedTime(started);
            var (failure, error) = parsed switch
            {
                null => (outcome.Failure, outcome.Error),
                { Succeeded: false } => (ScrapeFailure.Parse, $"parse error: {parsed.Error.Message}"),
                _ => (ScrapeFailure.None, null),
            };

            var batch = BuildBatch(state, timestamp, failure, error, duration, failure == ScrapeFailure.None ? parsed!.Samples : []);
            Record(state, failure, error, duration, batch);
            var (stored, dropped) = await EnqueueAndFlushAsync(state, batch).ConfigureAwait(false);
            state.ConsecutiveFailures = failure == ScrapeFailure.None ? 0 : state.ConsecutiveFailures + 1;
            return new ScrapeResult
            {
                PlatformId = target.PlatformId,
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(batch.TimestampMs),
                Failure = failure,
                Error = error,
                Duration = duration,
                SamplesScraped = failure == ScrapeFailure.None ? parsed!.Samples.Count : 0,
                StaleMarkers = batch.StaleMarkers,
                Stored = stored,
                BufferedScrapes = state.Pending.Count,
                Dropped = dropped,
            };
        }
        finally
        {
            state.Gate.Release();
        }
    }

    // The target's state with its gate held. A state reset (ResetAsync) while this waited for the
    // gate is left alone: its successor is the one the next writes must go to.
    private async Task<TargetState> EnterStateAsync(string platformId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = _states.GetOrAdd(platformId, static id => new TargetState(id));
            await state.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (_states.TryGetValue(platformId, out var current) && ReferenceEquals(current, state))
            {
                return state;
            }

            state.Gate.Release();
        }
    }

    /// <summary>How many scrapes of the target failed in a row (0 after a success); drives back-off.</summary>
    /// <param name="platformId">The platform.</param>
    public int ConsecutiveFailures(string platformId) =>
        _states.TryGetValue(platformId, out var state) ? state.ConsecutiveFailures : 0;

    /// <summary>Releases the HTTP clients.</summary>
    public void Dispose() => _fetcher.Dispose();

    private void Record(TargetState state, ScrapeFailure failure, string? error, TimeSpan duration, ScrapeBatch batch)
    {
        var platformId = state.PlatformId;
        var scrapes = failure == ScrapeFailure.None
            ? state.ScrapeSuccesses ??= _metrics.Scrapes.WithLabels(platformId, CollectorMetrics.ResultLabel(failure))
            : _metrics.Scrapes.WithLabels(platformId, CollectorMetrics.ResultLabel(failure));
        scrapes.Inc();
        (state.ScrapeDurations ??= _metrics.ScrapeDuration.WithLabels(platformId)).Observe(duration.TotalSeconds);
        if (batch.StaleMarkers > 0)
        {
            _metrics.StaleMarkers.WithLabels(platformId).Inc(batch.StaleMarkers);
        }

        if (error is not null)
        {
            CollectorLog.ScrapeFailed(_logger, platformId, failure, error);
        }
    }

    private void UpdateBufferGauge() => _metrics.BufferedSamples.Set(BufferedSamples);

    private async Task LoadLiveSeriesAsync(TargetState state)
    {
        try
        {
            foreach (var id in await _store.ReadLiveSeriesIdsAsync(state.PlatformId).ConfigureAwait(false))
            {
                if (!state.TryGet(id, out var entry))
                {
                    // Known to Redis already: its descriptor is stored, so none is needed here.
                    entry = new SeriesEntry(state.PlatformId, id, string.Empty) { DescriptorStored = true };
                    state.Add(entry);
                }

                state.Live.Add(entry);
            }
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            CollectorLog.LiveSeriesUnavailable(_logger, state.PlatformId, ex);
        }

        state.LiveLoaded = true;
    }
}
