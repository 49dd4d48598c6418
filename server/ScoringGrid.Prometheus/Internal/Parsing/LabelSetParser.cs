using System.Buffers;
using System.Text;

namespace ScoringGrid.Prometheus.Internal.Parsing;

// Reads `{name="value",…}` into the state's label arena. Blanks are allowed around names,
// `=`, values and separators, and a trailing comma before `}`, as Prometheus' text parser
// allows. Label values may escape only `\\`, `\"` and `\n`.
internal static class LabelSetParser
{
    private static readonly SearchValues<byte> ValueStops = SearchValues.Create("\"\\"u8);

    // Bytes that end a malformed label name when quoting it in an error.
    private static ReadOnlySpan<byte> NameStops => "=,}\"{"u8;

    // Parses a label set with the cursor on `{`; on success the cursor is past `}`.
    public static bool Parse(ref LineCursor cursor, ParseState state)
    {
        var mark = state.Labels.Count;
        cursor.Pos++;
        while (true)
        {
            cursor.SkipBlanks();
            if (cursor.AtEnd)
            {
                return state.Fail(cursor.Pos, state.EndOf("inside label set"));
            }

            if (cursor.Current == (byte)'}')
            {
                cursor.Pos++;
                return true;
            }

            var nameStart = cursor.Pos;
            var nameLength = cursor.ReadLabelName();
            if (nameLength == 0 || (!cursor.AtEnd && !cursor.AtBlank && cursor.Current != (byte)'='))
            {
                var bad = cursor.Extent(nameStart, NameStops);
                return bad.IsEmpty
                    ? state.Fail(nameStart, $"expected a label name, found {SeriesText.Describe(cursor.Body[nameStart])}")
                    : state.Fail(nameStart, $"invalid label name {SeriesText.Quote(bad)}");
            }

            cursor.SkipBlanks();
            if (cursor.AtEnd)
            {
                return state.Fail(cursor.Pos, state.EndOf("inside label set"));
            }

            if (cursor.Current != (byte)'=')
            {
                return state.Fail(cursor.Pos, $"expected '=' after label name, found {SeriesText.Describe(cursor.Current)}");
            }

            cursor.Pos++;
            cursor.SkipBlanks();
            if (cursor.AtEnd)
            {
                return state.Fail(cursor.Pos, state.EndOf("inside label set"));
            }

            if (cursor.Current != (byte)'"')
            {
                return state.Fail(cursor.Pos, $"expected '\"' to open a label value, found {SeriesText.Describe(cursor.Current)}");
            }

            cursor.Pos++;
            if (!TryReadValue(ref cursor, state, out var value))
            {
                return false;
            }

            var name = state.Interner.Intern(cursor.Body, nameStart, nameLength);
            var labels = state.Labels.Since(mark);
            foreach (var existing in labels)
            {
                if (string.Equals(existing.Name, name, StringComparison.Ordinal))
                {
                    return state.Fail(nameStart, $"duplicate label name '{name}'");
                }
            }

            if (labels.Length >= state.Options.MaxLabelsPerSample)
            {
                return state.Fail(nameStart, $"more than {state.Options.MaxLabelsPerSample} labels (label limit exceeded)");
            }

            state.Labels.Add(new Label(name, value));
            cursor.SkipBlanks();
            if (cursor.AtEnd)
            {
                return state.Fail(cursor.Pos, state.EndOf("inside label set"));
            }

            if (cursor.Current == (byte)',')
            {
                cursor.Pos++;
                continue;
            }

            if (cursor.Current == (byte)'}')
            {
                cursor.Pos++;
                return true;
            }

            return state.Fail(cursor.Pos, $"expected ',' or '}}' after a label value, found {SeriesText.Describe(cursor.Current)}");
        }
    }

    // Cursor just past the opening quote; on success just past the closing one.
    private static bool TryReadValue(ref LineCursor cursor, ParseState state, out string value)
    {
        value = string.Empty;
        var start = cursor.Pos;
        var escaped = false;
        while (true)
        {
            var offset = cursor.Body[cursor.Pos..cursor.End].IndexOfAny(ValueStops);
            if (offset < 0)
            {
                cursor.Pos = cursor.End;
                return state.Fail(cursor.Pos, state.EndOf("inside label value"));
            }

            cursor.Pos += offset;
            if (cursor.Current == (byte)'"')
            {
                value = escaped
                    ? Unescape(cursor.Body[start..cursor.Pos], state)
                    : state.Interner.Intern(cursor.Body, start, cursor.Pos - start);
                cursor.Pos++;
                return true;
            }

            // A backslash: it must escape one of the three characters the format defines.
            if (cursor.Pos + 1 >= cursor.End)
            {
                cursor.Pos = cursor.End;
                return state.Fail(cursor.Pos, state.EndOf("inside label value"));
            }

            var next = cursor.Body[cursor.Pos + 1];
            if (next is not ((byte)'\\' or (byte)'"' or (byte)'n'))
            {
                return state.Fail(cursor.Pos, $"invalid label value escape '\\{(next is >= 0x21 and < 0x7f ? ((char)next).ToString() : "?")}' (only \\\\, \\\" and \\n are allowed)");
            }

            escaped = true;
            cursor.Pos += 2;
        }
    }

    private static string Unescape(ReadOnlySpan<byte> raw, ParseState state)
    {
        var buffer = state.Scratch(raw.Length);
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'\\')
            {
                b = raw[++i] == (byte)'n' ? (byte)'\n' : raw[i];
            }

            buffer[length++] = b;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
