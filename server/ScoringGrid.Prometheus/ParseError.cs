namespace ScoringGrid.Prometheus;

/// <summary>Why a body could not be parsed, and where.</summary>
public sealed class ParseError
{
    internal ParseError(int line, int column, string reason)
    {
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }

    /// <summary>The 1-based byte offset within the line where the problem was found.</summary>
    public int Column { get; }

    /// <summary>What is wrong, e.g. <c>invalid label value escape</c>.</summary>
    public string Reason { get; }

    /// <summary>The reason with its position, e.g. <c>line 12, column 9: invalid label value escape</c>.</summary>
    public string Message => $"line {Line}, column {Column}: {Reason}";

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
