namespace ScoringGrid.Prometheus.Internal.Parsing;

// A position within one line of the body. Positions are absolute offsets into the body so
// the interner can refer back to the bytes without copying them.
internal ref struct LineCursor
{
    public LineCursor(ReadOnlySpan<byte> body, int start, int end)
    {
        Body = body;
        Start = start;
        End = end;
        Pos = start;
    }

    public ReadOnlySpan<byte> Body { get; }

    public int Start { get; }

    public int End { get; }

    public int Pos { get; set; }

    public readonly bool AtEnd => Pos >= End;

    public readonly byte Current => Body[Pos];

    public readonly bool AtBlank => Pos < End && IsBlank(Body[Pos]);

    public static bool IsBlank(byte b) => b == (byte)' ' || b == (byte)'\t';

    public void SkipBlanks()
    {
        while (Pos < End && IsBlank(Body[Pos]))
        {
            Pos++;
        }
    }

    // Skips blanks and says whether there was at least one.
    public bool SkipRequiredBlanks()
    {
        var before = Pos;
        SkipBlanks();
        return Pos > before;
    }

    // Reads `[a-zA-Z_:][a-zA-Z0-9_:]*` and returns its length (0 if none starts here).
    public int ReadMetricName()
    {
        var start = Pos;
        if (Pos < End && MetricNames.IsMetricNameStart(Body[Pos]))
        {
            Pos++;
            while (Pos < End && MetricNames.IsMetricNameChar(Body[Pos]))
            {
                Pos++;
            }
        }

        return Pos - start;
    }

    // Reads `[a-zA-Z_][a-zA-Z0-9_]*` and returns its length (0 if none starts here).
    public int ReadLabelName()
    {
        var start = Pos;
        if (Pos < End && MetricNames.IsLabelNameStart(Body[Pos]))
        {
            Pos++;
            while (Pos < End && MetricNames.IsLabelNameChar(Body[Pos]))
            {
                Pos++;
            }
        }

        return Pos - start;
    }

    // Reads up to the next blank or the end of the line.
    public ReadOnlySpan<byte> ReadToken()
    {
        var start = Pos;
        while (Pos < End && !IsBlank(Body[Pos]))
        {
            Pos++;
        }

        return Body[start..Pos];
    }

    // The bytes from <paramref name="from"/> up to the first byte in <paramref name="stops"/>
    // or a blank: used to quote a malformed name in full in an error message.
    public readonly ReadOnlySpan<byte> Extent(int from, ReadOnlySpan<byte> stops)
    {
        var end = from;
        while (end < End && !IsBlank(Body[end]) && stops.IndexOf(Body[end]) < 0)
        {
            end++;
        }

        return Body[from..end];
    }
}
