using System.Text;
using System.Text.Unicode;

namespace ScoringGrid.Prometheus.Internal.Parsing;

// Splits a body into lines and dispatches them; enforces what spans lines: UTF-8, line
// length, the final line feed (text 0.0.4) and `# EOF` (OpenMetrics, and text when present).
// Throws on no input: every problem becomes the result's error.
internal static class TextBodyParser
{
    private const int MaxPresizedSamples = 1 << 16;

    public static ParseResult Parse(ReadOnlySpan<byte> body, ExpositionFormat format, ParserOptions options)
    {
        if (!Utf8.IsValid(body))
        {
            return ParseState.FailAt(format, body, FirstInvalidUtf8(body), "invalid UTF-8");
        }

        // Sized from the line count up front so typical bodies never regrow the list (each
        // regrowth is large-object garbage); capped so a body of blank lines can not make
        // us reserve memory for samples it does not have.
        var expectedSamples = Math.Min(body.Count((byte)'\n') + 1, Math.Min(options.MaxSamples, MaxPresizedSamples));
        var state = new ParseState(format, options, expectedSamples);
        var position = 0;
        var line = 0;
        while (position < body.Length)
        {
            line++;
            var newline = body[position..].IndexOf((byte)'\n');
            var terminated = newline >= 0;
            var end = terminated ? position + newline : body.Length;
            state.BeginLine(line, position, atEndOfInput: !terminated);

            if (state.SawEof)
            {
                state.Fail(position, "unexpected content after # EOF");
                break;
            }

            if (!ParseLine(body, position, end, state))
            {
                break;
            }

            // Trailing blanks after the last line feed are harmless; an unterminated sample is not.
            if (!terminated && format == ExpositionFormat.PrometheusText && options.RequireFinalLineFeed && !state.SawEof
                && body[position..end].IndexOfAnyExcept(" \t"u8) >= 0)
            {
                state.Fail(end, "missing line feed at end of input (the body may be truncated)");
                break;
            }

            position = end + 1;
        }

        if (state.Error is null && format == ExpositionFormat.OpenMetrics && !state.SawEof)
        {
            state.BeginLine(Math.Max(line, 1), body.Length, atEndOfInput: true);
            state.Fail(body.Length, "unexpected end of input: missing # EOF (the body may be truncated)");
        }

        return state.ToResult();
    }

    private static bool ParseLine(ReadOnlySpan<byte> body, int start, int end, ParseState state)
    {
        if (end - start > state.Options.MaxLineLength)
        {
            return state.Fail(start + state.Options.MaxLineLength, $"line longer than {state.Options.MaxLineLength} bytes (line length limit exceeded)");
        }

        if (end > start && body[end - 1] == (byte)'\r')
        {
            return state.Fail(end - 1, "carriage return at end of line: lines must end with a line feed only");
        }

        var cursor = new LineCursor(body, start, end);
        cursor.SkipBlanks();
        if (cursor.AtEnd)
        {
            return true;
        }

        return cursor.Current == (byte)'#'
            ? MetadataLineParser.Parse(ref cursor, state)
            : SampleLineParser.Parse(ref cursor, state);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (offset < body.Length)
        {
            if (Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return body.Length;
    }
}
