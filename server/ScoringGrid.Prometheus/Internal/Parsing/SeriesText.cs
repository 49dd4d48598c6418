using System.Text;

namespace ScoringGrid.Prometheus.Internal.Parsing;

// Formats a series in exposition syntax for error messages (never on the success path).
internal static class SeriesText
{
    public static string Format(string name, ReadOnlySpan<Label> labels)
    {
        if (labels.IsEmpty)
        {
            return name;
        }

        var sb = new StringBuilder(name).Append('{');
        for (var i = 0; i < labels.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(labels[i].Name).Append("=\"")
                .Append(Exposition.TextEscaper.EscapeLabelValue(labels[i].Value)).Append('"');
        }

        return sb.Append('}').ToString();
    }

    // Quotes bytes from the body for a message: printable, bounded, never throwing.
    public static string Quote(ReadOnlySpan<byte> bytes)
    {
        const int MaxQuoted = 40;
        var shown = bytes.Length > MaxQuoted ? bytes[..MaxQuoted] : bytes;
        var text = Encoding.UTF8.GetString(shown).ReplaceLineEndings(" ");
        return bytes.Length > MaxQuoted ? $"'{text}…'" : $"'{text}'";
    }

    // Names one byte for a message.
    public static string Describe(byte b) => b switch
    {
        (byte)' ' => "a space",
        (byte)'\t' => "a tab",
        >= 0x21 and < 0x7f => $"'{(char)b}'",
        >= 0x80 => "a non-ASCII character",
        _ => $"control byte 0x{b:X2}",
    };
}
