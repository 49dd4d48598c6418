using ScoringGrid.Grpc;
using ScoringGrid.Prometheus;
using ScoringGrid.Server.Grpc;

namespace ScoringGrid.Server.Observability;

/// <summary>
/// The request and latency series of one gRPC method, found once per method so that recording a
/// call indexes an array by status code instead of hashing the method name and code every time.
/// </summary>
internal sealed class MethodSeries
{
    private readonly string _method;
    private readonly Counter _requests;
    private readonly HistogramChild _latency;

    // One child per status code, made on the code's first call: a method sees only a few codes.
    private readonly CounterChild?[] _byCode = new CounterChild?[StatusCodeNames.Count];

    internal MethodSeries(string method, Counter requests, HistogramChild latency)
    {
        _method = method;
        _requests = requests;
        _latency = latency;
    }

    public void Ended(StatusCode code, double seconds)
    {
        var index = (uint)code < (uint)_byCode.Length ? (int)code : (int)StatusCode.Unknown;
        var child = _byCode[index] ??= _requests.WithLabels(_method, StatusCodeNames.Of((StatusCode)index));
        child.Inc();
        _latency.Observe(seconds);
    }
}
