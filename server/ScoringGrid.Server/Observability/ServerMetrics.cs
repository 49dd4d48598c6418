using System.Collections.Concurrent;
using ScoringGrid.Grpc;
using ScoringGrid.Prometheus;
using ScoringGrid.Scoring;
using ScoringGrid.Server.RuleSets;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Observability;

/// <summary>
/// The server's Prometheus series. Children are cached per label set, so recording a call is a
/// dictionary hit and an interlocked add.
/// </summary>
internal sealed class ServerMetrics
{
    private static readonly double[] LatencyBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter _requests;
    private readonly Histogram _latency;
    private readonly Counter _evaluations;
    private readonly Counter _evaluationErrors;
    private readonly Gauge _inFlight;
    private readonly Counter _rateLimited;
    private readonly Counter _rateLimitWait;
    private readonly Counter _keyCalls;
    private readonly Counter _keyApplications;
    private readonly ConcurrentDictionary<(string Method, string Code), CounterChild> _requestChildren = new();
    private readonly ConcurrentDictionary<string, HistogramChild> _latencyChildren = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(CompiledRuleSet RuleSet, int Level), CounterChild> _evaluationChildren = new();
    private readonly ConcurrentDictionary<string, MethodSeries> _methods = new(StringComparer.Ordinal);

    public ServerMetrics(MetricRegistry registry, RuleSetProvider ruleSets, ServerCertificate? certificate = null)
    {
        Registry = registry;
        _requests = registry.CreateCounter("scoringgrid_requests_total", "Calls handled, by method and final status.", "method", "code");
        _latency = registry.CreateHistogram("scoringgrid_request_duration_seconds", "Call latency from request headers to final status.", LatencyBuckets, "method");
        _evaluations = registry.CreateCounter("scoringgrid_evaluations_total", "Applications scored, by rule set, version and level reached.", "rule_set", "version", "level");
        _evaluationErrors = registry.CreateCounter("scoringgrid_evaluation_errors_total", "Applications rejected, by error code.", "code");
        _inFlight = registry.CreateGauge("scoringgrid_in_flight_calls", "Calls being handled now.");
        _rateLimited = registry.CreateCounter("scoringgrid_rate_limited_total",
            "Rate limit hits by API key: calls or batches refused, and EvaluateStream batches held back until the key's rate allowed them.", "key", "action");
        _rateLimitWait = registry.CreateCounter("scoringgrid_rate_limit_wait_seconds_total", "Time EvaluateStream batches were held back by their key's rate limit.", "key");
        _keyCalls = registry.CreateCounter("scoringgrid_key_requests_total",
            "Calls by API key and final status, a known key's calls refused for their scope or rate limit included.", "key", "code");
        _keyApplications = registry.CreateCounter("scoringgrid_key_applications_total",
            "Applications by API key: scored, or rejected with an error in their answer.", "key", "result");
        var reloads = registry.CreateCounter("scoringgrid_rule_set_reloads_total", "Rule-set reload attempts, by result.", "result");
        var loaded = registry.CreateGauge("scoringgrid_rule_sets_loaded", "Rule sets (id@version) being served.");
        registry.AddCollectCallback(() =>
        {
            reloads.WithLabels("success").Inc(0);
            reloads.WithLabels("failure").Inc(0);
            loaded.Set(ruleSets.Current.RuleSets.Count);
        });
        ruleSets.Reloaded += (_, error) => reloads.WithLabels(error is null ? "success" : "failure").Inc();
        if (certificate is not null)
        {
            // The series an alert on expiry needs; it moves when a renewed certificate is picked up.
            var expiry = registry.CreateGauge("scoringgrid_tls_certificate_expiry_timestamp_seconds", "When the TLS certificate new connections get expires (Unix time).");
            var certificateReloads = registry.CreateCounter("scoringgrid_tls_certificate_reloads_total", "TLS certificate reloads after its file changed, by result.", "result");
            registry.AddCollectCallback(() =>
            {
                expiry.Set(new DateTimeOffset(certificate.Current.NotAfter.ToUniversalTime()).ToUnixTimeSeconds());
                certificateReloads.WithLabels("success").Inc(0);
                certificateReloads.WithLabels("failure").Inc(0);
            });
            certificate.Reloaded += error => certificateReloads.WithLabels(error is null ? "success" : "failure").Inc();
        }
    }

    public MetricRegistry Registry { get; }

    public void CallStarted() => _inFlight.Inc();

    /// <summary>The series of a gRPC method, to record its calls with <see cref="CallEnded(MethodSeries, CallerIdentity?, StatusCode, double)"/>.</summary>
    public MethodSeries ForMethod(string method) =>
        _methods.GetOrAdd(method, static (m, self) => new MethodSeries(m, self._requests, self._latency.WithLabels(m)), this);

    /// <summary>A gRPC call; <paramref name="key"/> is the API key it was allowed or refused for, if any.</summary>
    public void CallEnded(MethodSeries method, CallerIdentity? key, StatusCode code, double seconds)
    {
        _inFlight.Dec();
        method.Ended(code, seconds);
        UsageOf(key)?.CallEnded(code);
    }

    /// <summary>A REST call: its method is the path, its code a status name.</summary>
    public void CallEnded(string method, CallerIdentity? key, string code, double seconds)
    {
        _inFlight.Dec();
        _requestChildren.GetOrAdd((method, code), static (k, c) => c.WithLabels(k.Method, k.Code), _requests).Inc();
        _latencyChildren.GetOrAdd(method, static (m, h) => h.WithLabels(m), _latency).Observe(seconds);
        UsageOf(key)?.CallEnded(code);
    }

    public void Evaluated(CallerIdentity caller, CompiledRuleSet rs, ScoreResult result)
    {
        _evaluationChildren.GetOrAdd((rs, result.LevelIndex), static (k, counter) =>
            counter.WithLabels(k.RuleSet.Id, k.RuleSet.Version, k.Level >= 0 ? k.RuleSet.Levels[k.Level] : "none"), _evaluations).Inc();
        UsageOf(caller)?.Scored.Inc();
    }

    public void EvaluationFailed(CallerIdentity caller, string code)
    {
        _evaluationErrors.WithLabels(code).Inc();
        UsageOf(caller)?.Rejected.Inc();
    }

    /// <summary>
    /// Makes the series of each configured key before its first call, its applications at 0, so that
    /// a rate over them starts at the first scrape rather than at the key's first call.
    /// </summary>
    public void TrackKeys(IEnumerable<CallerIdentity> keys)
    {
        foreach (var key in keys)
        {
            UsageOf(key);
        }
    }

    // None for the anonymous caller of a server without keys: there is no key to account to.
    private KeyUsage? UsageOf(CallerIdentity? key) =>
        key is null || ReferenceEquals(key, CallerIdentity.Anonymous) ? null
        : key.Usage ??= new KeyUsage(key.KeyId, _keyCalls, _keyApplications);

    // Off the hot path (only over a limit), and keys are configured, so the label set stays small.
    public void RateLimitRefused(string key) => _rateLimited.WithLabels(key, "refused").Inc();

    public void RateLimitPaced(string key, TimeSpan wait)
    {
        _rateLimited.WithLabels(key, "paced").Inc();
        _rateLimitWait.WithLabels(key).Inc(wait.TotalSeconds);
    }
}
