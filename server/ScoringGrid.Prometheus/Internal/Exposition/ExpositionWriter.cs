using System.Buffers;
using System.Globalization;

namespace ScoringGrid.Prometheus.Internal.Exposition;

// Writes UTF-8 text straight into an <see cref="IBufferWriter{T}"/>, holding one span at a
// time so each token is a copy into memory we already own rather than a GetSpan/Advance pair.
internal ref struct ExpositionWriter
{
    // Large enough that a typical /metrics body needs only a handful of GetSpan calls.
    private const int ChunkHint = 4096;

    // The longest shortest-round-trip double ("-1.2345678901234567E-308") is 24 bytes.
    private const int MaxNumberLength = 32;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _buffer;
    private int _buffered;

    public ExpositionWriter(IBufferWriter<byte> output)
    {
        _output = output;
        _buffer = default;
        _buffered = 0;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _buffer.Length - _buffered)
        {
            Reserve(bytes.Length);
        }

        bytes.CopyTo(_buffer[_buffered..]);
        _buffered += bytes.Length;
    }

    public void WriteByte(byte value)
    {
        if (_buffered == _buffer.Length)
        {
            Reserve(1);
        }

        _buffer[_buffered++] = value;
    }

    // Formats as Prometheus (Go's ParseFloat) reads it: `+Inf`, `-Inf`, `NaN`, otherwise the
    // shortest string that round-trips to the same double.
    public void WriteDouble(double value)
    {
        if (double.IsNaN(value))
        {
            Write("NaN"u8);
            return;
        }

        if (double.IsInfinity(value))
        {
            Write(value > 0 ? "+Inf"u8 : "-Inf"u8);
            return;
        }

        if (MaxNumberLength > _buffer.Length - _buffered)
        {
            Reserve(MaxNumberLength);
        }

        // "R" is the shortest round-trippable form; invariant culture keeps '.' and 'E'.
        value.TryFormat(_buffer[_buffered..], out var written, "R", CultureInfo.InvariantCulture);
        _buffered += written;
    }

    public void WriteInt64(long value)
    {
        if (MaxNumberLength > _buffer.Length - _buffered)
        {
            Reserve(MaxNumberLength);
        }

        value.TryFormat(_buffer[_buffered..], out var written, default, CultureInfo.InvariantCulture);
        _buffered += written;
    }

    // Hands everything written so far to the underlying writer.
    public void Flush()
    {
        if (_buffered > 0)
        {
            _output.Advance(_buffered);
        }

        _buffer = default;
        _buffered = 0;
    }

    private void Reserve(int needed)
    {
        Flush();
        _buffer = _output.GetSpan(Math.Max(needed, ChunkHint));
    }
}
