using BenchmarkDotNet.Attributes;
using ScoringGrid.Grpc;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Benchmarks;

/// <summary>
/// Recording one finished call in the server's metrics (in-flight gauge, request counter, latency
/// histogram). The baseline finds the series by method name and status name on every call, as REST
/// calls still do; gRPC calls hold their method's series and index it by status code. With an API
/// key, the call also counts in the key's series, which the key's identity holds.
/// </summary>
[MemoryDiagnoser]
public class CallMetricsBenchmarks
{
    private const string Method = "/scoringgrid.v1.Scoring/Evaluate";
    private ServerMetrics _metrics = null!;
    private MethodSeries _series = null!;
    private readonly CallerIdentity _key = new("portal-a", ApiScope.Score, "jiangsu", null);

    [GlobalSetup]
    public void Setup()
    {
        _metrics = new ServerMetrics(new Prometheus.MetricRegistry(), new Server.RuleSets.RuleSetProvider(Samples.Catalog));
        _series = _metrics.ForMethod(Method);
    }

    [Benchmark(Baseline = true)]
    public void ByName()
    {
        _metrics.CallStarted();
        _metrics.CallEnded(Method, null, "OK", 0.0004);
    }

    [Benchmark]
    public void BySeries()
    {
        _metrics.CallStarted();
        _metrics.CallEnded(_series, null, StatusCode.OK, 0.0004);
    }

    [Benchmark]
    public void BySeriesWithKey()
    {
        _metrics.CallStarted();
        _metrics.CallEnded(_series, _key, StatusCode.OK, 0.0004);
    }
}
