using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;

namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// Writes protobuf wire format into a span that was sized by a measuring pass, so nothing is
/// checked or grown on the way: a wrong size is a bug and fails on the span's bounds.
/// </summary>
internal ref struct ProtoSpanWriter(Span<byte> destination)
{
    private readonly Span<byte> _destination = destination;
    private int _position;

    public readonly int Position => _position;

    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_destination[_position..]);
        _position += bytes.Length;
    }

    public void WriteVarint(uint value)
    {
        while (value >= 0x80)
        {
            _destination[_position++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _destination[_position++] = (byte)value;
    }

    public void WriteTrue(uint tag)
    {
        WriteVarint(tag);
        _destination[_position++] = 1;
    }

    public void WriteDouble(uint tag, double value)
    {
        WriteVarint(tag);
        BinaryPrimitives.WriteDoubleLittleEndian(_destination.Slice(_position, sizeof(double)), value);
        _position += sizeof(double);
    }

    /// <summary>Writes a string field whose UTF-8 length the measuring pass already counted.</summary>
    public void WriteString(uint tag, string value, int utf8Length)
    {
        WriteLengthPrefix(tag, utf8Length);
        int written = Encoding.UTF8.GetBytes(value, _destination.Slice(_position, utf8Length));
        Debug.Assert(written == utf8Length, "The measured UTF-8 length must match the encoding.");
        _position += utf8Length;
    }

    /// <summary>A singular string field: proto3 leaves an empty one out.</summary>
    public void WriteNonEmptyString(uint tag, string value)
    {
        if (value.Length != 0)
        {
            WriteString(tag, value, WireSize.Utf8(value));
        }
    }

    /// <summary>Starts a length-delimited field: its tag and the length of what follows.</summary>
    public void WriteLengthPrefix(uint tag, int length)
    {
        WriteVarint(tag);
        WriteVarint((uint)length);
    }
}
