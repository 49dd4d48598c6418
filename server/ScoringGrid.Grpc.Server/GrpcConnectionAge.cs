using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ScoringGrid.Grpc.Server;

/// <summary>
/// gRPC's MAX_CONNECTION_AGE on Kestrel. A client keeps one HTTP/2 connection for as long as it can,
/// so behind a TCP load balancer a replica started later gets no calls from clients already connected.
/// A connection older than <see cref="MaxAge"/> (give or take 10 %, so that connections opened
/// together do not all close together) is asked to close: HTTP/2 sends GOAWAY, the client opens a new
/// connection for its next call, and calls in flight finish, for at most <see cref="Grace"/>; then the
/// connection is closed under them.
/// </summary>
/// <param name="MaxAge">How long a connection may take new calls.</param>
/// <param name="Grace">How long its calls in flight may then run on; <see cref="Timeout.InfiniteTimeSpan"/> for as long as they take.</param>
public sealed record GrpcConnectionAge(TimeSpan MaxAge, TimeSpan Grace)
{
    /// <summary>Adds the age limit to the connections of <paramref name="listen"/>.</summary>
    public void ApplyTo(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxAge, TimeSpan.Zero);
        if (Grace < TimeSpan.Zero && Grace != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Grace), Grace, "The grace period must not be negative (or infinite).");
        }

        listen.Use(next => connection => LimitAsync(next, connection));
    }

    private async Task LimitAsync(ConnectionDelegate next, ConnectionContext connection)
    {
        if (connection.Features.Get<IConnectionLifetimeNotificationFeature>() is not { } lifetime)
        {
            await next(connection).ConfigureAwait(false);
            return;
        }

        using var deadline = new Deadline(connection, lifetime, MaxAge * (0.9 + (0.2 * Random.Shared.NextDouble())), Grace);
        await next(connection).ConfigureAwait(false);
    }

    // One timer per connection: at its age it asks the connection to close, a grace period later it
    // aborts it. Once the connection has ended it does nothing, so a late tick never touches a
    // connection Kestrel has already torn down.
    private sealed class Deadline : IDisposable
    {
        private readonly ConnectionContext _connection;
        private readonly IConnectionLifetimeNotificationFeature _lifetime;
        private readonly TimeSpan _grace;
        private readonly Timer _timer;
        private readonly Lock _gate = new();
        private Stage _stage;

        public Deadline(ConnectionContext connection, IConnectionLifetimeNotificationFeature lifetime, TimeSpan age, TimeSpan grace)
        {
            _connection = connection;
            _lifetime = lifetime;
            _grace = grace;
            _timer = new Timer(static state => ((Deadline)state!).Tick(), this, age, Timeout.InfiniteTimeSpan);
        }

        private enum Stage
        {
            Young,
            Closing,
            Over,
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _stage = Stage.Over;
                _timer.Dispose();
            }
        }

        private void Tick()
        {
            lock (_gate)
            {
                switch (_stage)
                {
                    case Stage.Young:
                        _stage = Stage.Closing;
                        _lifetime.RequestClose();
                        _timer.Change(_grace, Timeout.InfiniteTimeSpan);
                        break;
                    case Stage.Closing:
                        _stage = Stage.Over;
                        _connection.Abort(new ConnectionAbortedException("The connection reached its maximum age and its calls outlived the grace period."));
                        break;
                }
            }
        }
    }
}
