using System.Collections.Concurrent;
using ScoringGrid.Grpc.Server;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>Rejects calls carrying <c>x-reject</c> with PERMISSION_DENIED and records every completion.</summary>
public sealed class RecordingInterceptor : IGrpcCallInterceptor
{
    public ConcurrentQueue<(string Method, Status Status, TimeSpan Elapsed, object? Item)> Completed { get; } = new();

    public ValueTask<Status?> OnCallStartingAsync(ServerCallContext context)
    {
        context.Items["started-by"] = "recording";
        if (context.RequestHeaders.Get("x-reject") is not null)
        {
            return ValueTask.FromResult<Status?>(new Status(StatusCode.PermissionDenied, "rejected by interceptor"));
        }

        return ValueTask.FromResult<Status?>(null);
    }

    public void OnCallCompleted(ServerCallContext context, Status status, TimeSpan elapsed) =>
        Completed.Enqueue((context.Method, status, elapsed, context.Items.TryGetValue("started-by", out object? item) ? item : null));
}
