using ScoringGrid.Grpc;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Server.Observability;

/// <summary>
/// The request and latency series of one gRPC method, found once per method so that recording a
/// call indexes an array by status code instead of hashing the method name and code every time.
/// </summary>
internal sealed class MethodSeries
{
    private readonly CountersByStatus _requests;
    private readonly HistogramChild _latency;

    internal MethodSeries(string method, Counter requests, HistogramChild latency)
    {
        _requests = new CountersByStatus(requests, method);
        _latency = latency;
    }

    public void Ended(StatusCode code, double seconds)
    {
        _requests.For(code).Inc();
        _latency.Observe(seconds);
    }
}
