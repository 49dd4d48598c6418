using System.Runtime.CompilerServices;
using System.Text;
using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring;

/// <summary>
/// Explanation text written straight as UTF-8: fixed wording from <c>u8</c> literals, rule-set
/// names encoded once when the rule set is compiled, numbers formatted in place. A writer that
/// sends the bytes (the gRPC wire writer, JSON) never builds a string for them. Reusable:
/// <see cref="Clear"/> keeps the buffer.
/// </summary>
public sealed class Utf8TextBuilder
{
    private byte[] _buffer;
    private int _length;

    // Where the clauses being written began: a clause after another is joined by "; ".
    private int _clausesStart;

    /// <summary>A builder with room for <paramref name="capacity"/> bytes before it grows.</summary>
    public Utf8TextBuilder(int capacity = 256) => _buffer = new byte[Math.Max(capacity, 16)];

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>The size of the buffer, so an owner can let go of one grown for an unusually long text.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Everything written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>Part of what was written, e.g. one explanation of several written in turn.</summary>
    public ReadOnlySpan<byte> Slice(int start, int length) => _buffer.AsSpan(start, length);

    /// <summary>Empties the builder and keeps its buffer.</summary>
    public void Clear()
    {
        _length = 0;
        _clausesStart = 0;
    }

    /// <summary>The text written since <paramref name="start"/>, as a string.</summary>
    public string ToString(int start) => Encoding.UTF8.GetString(_buffer, start, _length - start);

    /// <summary>Everything written, as a string.</summary>
    public override string ToString() => ToString(0);

    // Inlined, so that the copy of a u8 literal (a length known to the JIT) is unrolled in place.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Utf8TextBuilder Append(ReadOnlySpan<byte> utf8)
    {
        var length = _length;
        if (utf8.Length > _buffer.Length - length)
        {
            Grow(utf8.Length);
        }

        utf8.CopyTo(_buffer.AsSpan(length));
        _length = length + utf8.Length;
        return this;
    }

    /// <summary>Text known only per application (a province, a provider, a ban's reason); lone surrogates become U+FFFD as in any UTF-8 writer.</summary>
    internal Utf8TextBuilder Append(string text)
    {
        _length += Encoding.UTF8.GetBytes(text, Space(Encoding.UTF8.GetMaxByteCount(text.Length)));
        return this;
    }

    /// <summary>A number as explanations show it (<see cref="Numbers"/>).</summary>
    internal Utf8TextBuilder AppendNumber(double value)
    {
        _length += Numbers.Write(value, Space(Numbers.MostBytes));
        return this;
    }

    /// <summary>A value written by its own UTF-8 formatting (dates, counts, fixed decimals).</summary>
    internal Utf8TextBuilder AppendFormatted<T>(T value, ReadOnlySpan<char> format = default)
        where T : IUtf8SpanFormattable
    {
        var space = Space(64);
        if (!value.TryFormat(space, out var written, format, System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{value} does not format in 64 bytes");
        }

        _length += written;
        return this;
    }

    /// <summary>Starts one pass/fail clause: "; " after an earlier one, then ✓ or ✗.</summary>
    internal Utf8TextBuilder Clause(bool passed)
    {
        if (_length > _clausesStart)
        {
            Append("; "u8);
        }

        return Append(passed ? "✓ "u8 : "✗ "u8);
    }

    /// <summary>
    /// Clauses from here on are a new list (the first gets no "; "), until <see cref="EndClauses"/>
    /// restores the enclosing list with the value returned.
    /// </summary>
    internal int BeginClauses()
    {
        var enclosing = _clausesStart;
        _clausesStart = _length;
        return enclosing;
    }

    internal void EndClauses(int enclosing) => _clausesStart = enclosing;

    private Span<byte> Space(int most)
    {
        if (_buffer.Length - _length < most)
        {
            Grow(most);
        }

        return _buffer.AsSpan(_length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int most) => Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + most));
}
