using System.Globalization;
using System.Text;

namespace ScoringGrid.Cli.Commands;

/// <summary>A plain-text table; columns are as wide as their widest cell (CJK characters count double).</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void WriteTo(TextWriter output)
    {
        var widths = new int[headers.Length];
        foreach (var row in _rows.Prepend(headers))
        {
            for (var i = 0; i < row.Length - 1; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        foreach (var row in _rows.Prepend(headers))
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(row[i]);
                if (i < row.Length - 1)
                {
                    line.Append(' ', widths[i] - Width(row[i]) + 2);
                }
            }

            output.WriteLine(line.ToString().TrimEnd());
        }
    }

    private static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value >= 0x1100 && CharUnicodeInfo.GetUnicodeCategory(rune.Value) == UnicodeCategory.OtherLetter ? 2 : 1;
        }

        return width;
    }
}
