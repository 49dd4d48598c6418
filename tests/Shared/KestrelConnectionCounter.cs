using System.Diagnostics.Metrics;

namespace ScoringGrid.Tests.Shared;

/// <summary>
/// Connections Kestrel opens on one port, counted from Kestrel's own metrics: kestrel.active_connections
/// goes up by one per connection, tagged with the port, and other tests' servers listen on other ports.
/// </summary>
public sealed class KestrelConnectionCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private int _opened;

    public KestrelConnectionCounter(int port)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Server.Kestrel" && instrument.Name == "kestrel.active_connections")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, change, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && Equals(tag.Value, port) && change > 0)
                {
                    Interlocked.Add(ref _opened, (int)change);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Connections opened on the port since this counter started.</summary>
    public int Opened => Volatile.Read(ref _opened);

    public void Dispose() => _listener.Dispose();
}
