namespace ScoringGrid.Prometheus.Internal.Parsing;

// Validates an OpenMetrics exemplar (`# {trace_id="…"} value [timestamp]`) and drops it:
// the collector needs the sample, but a malformed exemplar still means a malformed body.
internal static class ExemplarParser
{
    public static bool Parse(ref LineCursor cursor, ParseState state)
    {
        cursor.Pos++;
        if (!cursor.SkipRequiredBlanks() || cursor.AtEnd || cursor.Current != (byte)'{')
        {
            return state.Fail(cursor.Pos, "invalid exemplar: expected '# {labels} value'");
        }

        var mark = state.Labels.Count;
        var ok = LabelSetParser.Parse(ref cursor, state);
        state.Labels.Truncate(mark);
        if (!ok)
        {
            return false;
        }

        cursor.SkipBlanks();
        var valueStart = cursor.Pos;
        var value = cursor.ReadToken();
        if (!NumberParser.TryParseFloat(value, out _))
        {
            return state.Fail(valueStart, $"invalid exemplar value {SeriesText.Quote(value)}");
        }

        cursor.SkipBlanks();
        if (!cursor.AtEnd)
        {
            var timestampStart = cursor.Pos;
            var timestamp = cursor.ReadToken();
            if (!NumberParser.TryParseOpenMetricsTimestamp(timestamp, out _))
            {
                return state.Fail(timestampStart, $"invalid exemplar timestamp {SeriesText.Quote(timestamp)}");
            }

            cursor.SkipBlanks();
        }

        return cursor.AtEnd || state.Fail(cursor.Pos, "unexpected text after the exemplar");
    }
}
