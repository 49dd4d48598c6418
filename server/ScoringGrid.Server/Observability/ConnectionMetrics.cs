using System.Diagnostics.Metrics;
using System.Globalization;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Server.Observability;

/// <summary>
/// Kestrel's own connection instruments, carried into <c>/metrics</c>: connections open and opened by
/// listening port, and closed by why (<c>keep_alive_timeout</c> for a client that stopped answering
/// pings, <c>normal</c> for a close without an error, Kestrel's other reasons as it names them). Only
/// this server's Kestrel is listened to: its meter comes from this server's
/// <see cref="IMeterFactory"/>, and several servers may share a process (the tests do).
/// </summary>
internal sealed class ConnectionMetrics : IDisposable
{
    private const string KestrelMeter = "Microsoft.AspNetCore.Server.Kestrel";

    private readonly MeterListener _listener = new();
    private readonly Gauge _open;
    private readonly Counter _opened;
    private readonly Counter _closed;

    public ConnectionMetrics(MetricRegistry registry, IMeterFactory meters)
    {
        _open = registry.CreateGauge("scoringgrid_connections", "Connections open now, by listening port.", "port");
        _opened = registry.CreateCounter("scoringgrid_connections_opened_total", "Connections accepted, by listening port.", "port");
        _closed = registry.CreateCounter("scoringgrid_connections_closed_total",
            "Connections ended, by listening port and reason (normal, or Kestrel's name for the error: keep_alive_timeout, …).", "port", "reason");
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == KestrelMeter && ReferenceEquals(instrument.Meter.Scope, meters)
                && instrument.Name is "kestrel.active_connections" or "kestrel.connection.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, change, tags, _) =>
        {
            var port = Tag(tags, "server.port");
            _open.WithLabels(port).Inc(change);
            if (change > 0)
            {
                _opened.WithLabels(port).Inc(change);
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            _closed.WithLabels(Tag(tags, "server.port"), Tag(tags, "error.type") is { Length: > 0 } error ? error : "normal").Inc());
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
            }
        }

        return "";
    }
}
