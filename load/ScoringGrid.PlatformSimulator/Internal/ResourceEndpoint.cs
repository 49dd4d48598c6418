using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ScoringGrid.PlatformSimulator.Internal;

/// <summary>
/// A resource API with a hard capacity: a token bucket of <c>capacity</c> requests per second
/// (burst of a tenth of a second); within it, an answer after <c>latency</c>; beyond it, 503 at once.
/// </summary>
internal sealed class ResourceEndpoint(int capacity, TimeSpan latency)
{
    private readonly Lock _gate = new();
    private readonly double _burst = Math.Max(1, capacity / 10.0);
    private double _tokens = Math.Max(1, capacity / 10.0);
    private long _last = Stopwatch.GetTimestamp();

    public async Task ServeAsync(HttpContext context)
    {
        if (!TryTake())
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"resource\":\"ok\"}", context.RequestAborted).ConfigureAwait(false);
    }

    private bool TryTake()
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (now - _last) * capacity / (double)Stopwatch.Frequency);
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
