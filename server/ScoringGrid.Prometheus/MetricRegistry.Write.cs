using System.Buffers;
using ScoringGrid.Prometheus.Internal.Exposition;

namespace ScoringGrid.Prometheus;

// Writing: collect callbacks, then every family with samples, in name order.
public sealed partial class MetricRegistry
{
    /// <summary>
    /// Adds a callback run at the start of every write, before any value is read: the place to
    /// set gauges computed at scrape time (in-flight calls, queue lengths). Callbacks run in the
    /// order added, on the writing thread; an exception propagates to the writer's caller.
    /// </summary>
    /// <param name="callback">The callback.</param>
    public void AddCollectCallback(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _collectCallbacks = [.. _collectCallbacks, callback];
        }
    }

    /// <summary>Writes every family with samples in the text format 0.0.4.</summary>
    /// <param name="output">Receives UTF-8 text, e.g. an ASP.NET Core response's <c>BodyWriter</c>.</param>
    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var callback in Volatile.Read(ref _collectCallbacks))
        {
            callback();
        }

        var writer = new ExpositionWriter(output);
        foreach (var metric in Volatile.Read(ref _sorted))
        {
            if (!metric.HasSamples)
            {
                continue;
            }

            writer.Write(metric.Header);
            metric.WriteSamples(ref writer);
        }

        writer.Flush();
    }

    /// <summary>Writes every family with samples to a stream with synchronous I/O.</summary>
    /// <param name="output">The destination stream.</param>
    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new PooledBufferWriter();
        WriteTo(buffer);
        output.Write(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes every family with samples to a stream: rendered into pooled memory first, then
    /// written with one asynchronous call (servers that forbid synchronous I/O accept this).
    /// </summary>
    /// <param name="output">The destination stream.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task WriteToAsync(Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new PooledBufferWriter();
        WriteTo(buffer);
        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }
}
