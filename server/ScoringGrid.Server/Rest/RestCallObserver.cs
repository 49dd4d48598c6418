using System.Diagnostics;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Rest;

/// <summary>Records REST calls in the same series as gRPC calls (method = the path).</summary>
internal sealed class RestCallObserver(ServerMetrics metrics)
{
    public RestCall Start(string method)
    {
        metrics.CallStarted();
        return new RestCall(metrics, method, Stopwatch.GetTimestamp());
    }
}

/// <summary>One REST call in flight; disposing it records the outcome (UNKNOWN if none was set).</summary>
internal sealed class RestCall(ServerMetrics metrics, string method, long started) : IDisposable
{
    private string _code = "UNKNOWN";

    /// <summary>The API key the call was allowed or refused for, once the access check knows it.</summary>
    public CallerIdentity? Key { get; set; }

    public void Complete(string code) => _code = code;

    public void Dispose() => metrics.CallEnded(method, Key, _code, Stopwatch.GetElapsedTime(started).TotalSeconds);
}
