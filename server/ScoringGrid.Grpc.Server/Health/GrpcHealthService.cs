using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ScoringGrid.Grpc.Server.Health;

/// <summary>
/// The standard health service <c>grpc.health.v1.Health</c>. Statuses are set per service name; the
/// empty name stands for the whole server and starts as SERVING. Check on an unknown name answers
/// NOT_FOUND; Watch streams SERVICE_UNKNOWN until the name gets a status, then every change.
/// <see cref="EnterShutdown"/> turns every status NOT_SERVING for good and ends the watches.
/// </summary>
public sealed class GrpcHealthService
{
    /// <summary>The service name on the wire.</summary>
    public const string ServiceName = "grpc.health.v1.Health";

    private readonly ConcurrentDictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ChannelWriter<ServingStatus>, string> _watchers = new();
    private volatile bool _shuttingDown;

    /// <summary>Creates the service with the server-wide status ("") SERVING.</summary>
    public GrpcHealthService() => _statuses[string.Empty] = ServingStatus.Serving;

    /// <summary>Sets the status of <paramref name="service"/> ("" for the whole server) and notifies watchers; ignored once shutting down.</summary>
    public void SetStatus(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (_shuttingDown)
        {
            return;
        }

        _statuses[service] = status;
        Notify(service, status);
    }

    /// <summary>Forgets <paramref name="service"/>; watchers see SERVICE_UNKNOWN.</summary>
    public bool ClearStatus(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        bool removed = _statuses.TryRemove(service, out _);
        if (removed)
        {
            Notify(service, ServingStatus.ServiceUnknown);
        }

        return removed;
    }

    /// <summary>
    /// The server is going away: every service becomes NOT_SERVING, later <see cref="SetStatus"/> calls are
    /// ignored, and every Watch is told NOT_SERVING and then ends with UNAVAILABLE. A watch never ends by
    /// itself, so one held open by a load balancer would otherwise keep a graceful shutdown waiting for its
    /// whole drain timeout.
    /// </summary>
    public void EnterShutdown()
    {
        _shuttingDown = true;
        foreach (string service in _statuses.Keys)
        {
            _statuses[service] = ServingStatus.NotServing;
        }

        foreach (ChannelWriter<ServingStatus> watcher in _watchers.Keys)
        {
            watcher.TryWrite(ServingStatus.NotServing);
            watcher.TryComplete();
        }
    }

    /// <summary>The status of <paramref name="service"/>, if it has one.</summary>
    public bool TryGetStatus(string service, out ServingStatus status) => _statuses.TryGetValue(service, out status);

    /// <summary>The definition to pass to <c>MapGrpcServices</c>.</summary>
    public GrpcServiceDefinition CreateDefinition() =>
        GrpcServiceDefinition.CreateBuilder(ServiceName)
            .AddUnary<HealthCheckRequest, HealthCheckResponse>("Check", CheckAsync)
            .AddServerStreaming<HealthCheckRequest, HealthCheckResponse>("Watch", WatchAsync)
            .Build();

    private ValueTask<HealthCheckResponse> CheckAsync(HealthCheckRequest request, ServerCallContext context)
    {
        if (!_statuses.TryGetValue(request.Service, out ServingStatus status))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Service '{request.Service}' is unknown to the health service."));
        }

        return ValueTask.FromResult(new HealthCheckResponse { Status = status });
    }

    private async Task WatchAsync(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responses, ServerCallContext context)
    {
        var changes = Channel.CreateUnbounded<ServingStatus>(new UnboundedChannelOptions { SingleReader = true });
        _watchers[changes.Writer] = request.Service;
        try
        {
            // Registered before the flag is read: EnterShutdown either completes this watcher or is seen here.
            if (_shuttingDown)
            {
                changes.Writer.TryComplete();
            }

            ServingStatus last = _statuses.TryGetValue(request.Service, out ServingStatus current) ? current : ServingStatus.ServiceUnknown;
            await responses.WriteAsync(new HealthCheckResponse { Status = last }, context.CancellationToken).ConfigureAwait(false);
            await foreach (ServingStatus next in changes.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                // Watch sends changes only; a repeated Set is not news.
                if (next != last)
                {
                    last = next;
                    await responses.WriteAsync(new HealthCheckResponse { Status = next }, context.CancellationToken).ConfigureAwait(false);
                }
            }

            // Only EnterShutdown completes the channel.
            throw new RpcException(new Status(StatusCode.Unavailable, "The server is shutting down."));
        }
        finally
        {
            _watchers.TryRemove(changes.Writer, out _);
        }
    }

    private void Notify(string service, ServingStatus status)
    {
        foreach (KeyValuePair<ChannelWriter<ServingStatus>, string> watcher in _watchers)
        {
            if (string.Equals(watcher.Value, service, StringComparison.Ordinal))
            {
                watcher.Key.TryWrite(status);
            }
        }
    }
}
