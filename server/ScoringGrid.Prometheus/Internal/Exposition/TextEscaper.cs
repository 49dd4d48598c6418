using System.Text;

namespace ScoringGrid.Prometheus.Internal.Exposition;

// Escaping rules of the text format 0.0.4. Applied once at registration or child creation
// and cached as bytes, so scrapes never escape anything.
internal static class TextEscaper
{
    // HELP text: backslash and line feed.
    public static string EscapeHelp(string help)
    {
        if (help.AsSpan().IndexOfAny('\\', '\n') < 0)
        {
            return help;
        }

        var sb = new StringBuilder(help.Length + 8);
        foreach (var c in help)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\n': sb.Append(@"\n"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    // Label values: backslash, double quote and line feed.
    public static string EscapeLabelValue(string value)
    {
        if (value.AsSpan().IndexOfAny('\\', '"', '\n') < 0)
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append(@"\n"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    // Encodes `{a="x",b="y"}`; with <paramref name="openForMore"/> the closing brace becomes a
    // comma (or the set is just `{`) so a histogram can append its `le` label.
    public static byte[] EncodeLabelSet(ReadOnlySpan<string> names, ReadOnlySpan<string> values, bool openForMore)
    {
        if (names.Length == 0)
        {
            return openForMore ? "{"u8.ToArray() : [];
        }

        var sb = new StringBuilder();
        sb.Append('{');
        for (var i = 0; i < names.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(names[i]).Append("=\"").Append(EscapeLabelValue(values[i])).Append('"');
        }

        sb.Append(openForMore ? ',' : '}');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
