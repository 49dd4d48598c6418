using System.Text;

namespace ScoringGrid.Prometheus.Internal.Parsing;

// Lines starting with `#`: `# HELP`, `# TYPE`, OpenMetrics `# UNIT`, `# EOF`, and plain
// comments (ignored). Metadata must precede its family's samples and appear once.
internal static class MetadataLineParser
{
    public static bool Parse(ref LineCursor cursor, ParseState state)
    {
        cursor.Pos++;
        if (!cursor.SkipRequiredBlanks())
        {
            return true;
        }

        var keywordStart = cursor.Pos;
        var keyword = cursor.ReadToken();
        if (keyword.SequenceEqual("EOF"u8))
        {
            cursor.SkipBlanks();
            if (cursor.AtEnd)
            {
                state.SawEof = true;
                return true;
            }

            // In text 0.0.4 "# EOF and more" is just a comment; OpenMetrics reserves it.
            return !state.IsOpenMetrics || state.Fail(cursor.Pos, "unexpected text after # EOF");
        }

        var isHelp = keyword.SequenceEqual("HELP"u8);
        var isType = keyword.SequenceEqual("TYPE"u8);
        var isUnit = state.IsOpenMetrics && keyword.SequenceEqual("UNIT"u8);
        if (!isHelp && !isType && !isUnit)
        {
            return true;
        }

        var what = Encoding.ASCII.GetString(keyword);
        if (!cursor.SkipRequiredBlanks() || cursor.AtEnd)
        {
            return state.Fail(cursor.Pos, $"{what} line without a metric name");
        }

        var nameStart = cursor.Pos;
        var nameLength = cursor.ReadMetricName();
        if (nameLength == 0 || !(cursor.AtEnd || cursor.AtBlank))
        {
            return state.Fail(nameStart, $"invalid metric name {SeriesText.Quote(cursor.Extent(nameStart, default))} in {what} line");
        }

        var name = state.Interner.Intern(cursor.Body, nameStart, nameLength);
        if (isType)
        {
            return ParseType(ref cursor, state, name, keywordStart);
        }

        // Help and unit text: everything after the separating blanks, trailing blanks dropped.
        cursor.SkipBlanks();
        var text = cursor.Body[cursor.Pos..cursor.End].TrimEnd(" \t"u8);
        state.FamiliesByName.TryGetValue(name, out var known);
        if (isHelp && known?.Help is not null)
        {
            return state.Fail(keywordStart, $"duplicate HELP for {name}");
        }

        if (isUnit && known?.Unit is not null)
        {
            return state.Fail(keywordStart, $"duplicate UNIT for {name}");
        }

        var family = MetadataTarget(state, name, what, keywordStart);
        if (family is null)
        {
            return false;
        }

        if (isHelp)
        {
            family.Help = UnescapeHelp(text, state.IsOpenMetrics);
            return true;
        }

        family.Unit = Encoding.UTF8.GetString(text);
        return true;
    }

    private static bool ParseType(ref LineCursor cursor, ParseState state, string name, int keywordStart)
    {
        if (!cursor.SkipRequiredBlanks() || cursor.AtEnd)
        {
            return state.Fail(cursor.Pos, $"TYPE line for {name} without a type");
        }

        var typeStart = cursor.Pos;
        var typeToken = cursor.ReadToken();
        cursor.SkipBlanks();
        if (!cursor.AtEnd)
        {
            return state.Fail(cursor.Pos, $"unexpected text after the type in TYPE line for {name}");
        }

        if (!MetricTypeKeywords.TryParse(typeToken, state.Format, out var type))
        {
            return state.Fail(typeStart, $"unknown metric type {SeriesText.Quote(typeToken)} for {name}");
        }

        if (state.FamiliesByName.TryGetValue(name, out var known) && known.TypeDeclared)
        {
            return state.Fail(keywordStart, $"duplicate TYPE for {name}");
        }

        var family = MetadataTarget(state, name, "TYPE", keywordStart);
        if (family is null)
        {
            return false;
        }

        // Samples such as name_bucket seen before this line went to untyped families of their own.
        foreach (var suffix in FamilyResolver.SuffixesOf(type))
        {
            if (suffix.Length > 0
                && state.FamiliesByName.TryGetValue(name + suffix, out var early)
                && !early.TypeDeclared
                && early.SampleCount > 0)
            {
                return state.Fail(keywordStart, $"TYPE for {MetricTypeKeywords.ToKeyword(type)} {name} after samples of it");
            }
        }

        family.Type = type;
        family.TypeDeclared = true;
        return true;
    }

    private static MetricFamily? MetadataTarget(ParseState state, string name, string what, int keywordStart)
    {
        if (!state.FamiliesByName.TryGetValue(name, out var family))
        {
            family = state.AddFamily(name);
        }
        else if (family.SampleCount > 0)
        {
            var kind = family.TypeDeclared ? MetricTypeKeywords.ToKeyword(family.Type) + " " : string.Empty;
            state.Fail(keywordStart, $"{what} for {kind}{name} after samples of it");
            return null;
        }

        state.CurrentFamily = family;
        return family;
    }

    // `\\` and `\n` (and `\"` in OpenMetrics); any other backslash is kept as written,
    // since help text is documentation and not worth failing a scrape over.
    private static string UnescapeHelp(ReadOnlySpan<byte> raw, bool openMetrics)
    {
        if (raw.IndexOf((byte)'\\') < 0)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var bytes = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            if (b == (byte)'\\' && i + 1 < raw.Length)
            {
                var next = raw[i + 1];
                if (next == (byte)'\\' || next == (byte)'n' || (openMetrics && next == (byte)'"'))
                {
                    b = next == (byte)'n' ? (byte)'\n' : next;
                    i++;
                }
            }

            bytes[length++] = b;
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }
}
