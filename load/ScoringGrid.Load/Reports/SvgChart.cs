using System.Globalization;
using System.Net;
using System.Text;

namespace ScoringGrid.Load.Reports;

/// <summary>A small line chart drawn as inline SVG, so an HTML report needs no script or network.</summary>
internal sealed class SvgChart(string title, string xLabel, string yLabel)
{
    private const int Width = 760, Height = 300, Left = 64, Right = 16, Top = 28, Bottom = 44;
    private readonly List<(string Name, string Color, IReadOnlyList<(double X, double Y)> Points, bool Dashed)> _series = [];
    private readonly List<(double X, string Label)> _xTicks = [];

    public void AddSeries(string name, string color, IReadOnlyList<(double X, double Y)> points, bool dashed = false) => _series.Add((name, color, points, dashed));

    public void AddXTick(double x, string label) => _xTicks.Add((x, label));

    public string Render()
    {
        double minX = double.MaxValue, maxX = double.MinValue, maxY = 0;
        foreach (var s in _series)
        {
            foreach (var (x, y) in s.Points)
            {
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                maxY = Math.Max(maxY, y);
            }
        }

        if (minX > maxX)
        {
            minX = 0;
            maxX = 1;
        }

        if (maxX - minX < 1e-9)
        {
            maxX = minX + 1;
        }

        maxY = NiceCeiling(maxY <= 0 ? 1 : maxY * 1.05);
        double Px(double x) => Left + ((x - minX) / (maxX - minX) * (Width - Left - Right));
        double Py(double y) => Height - Bottom - (y / maxY * (Height - Top - Bottom));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\">");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-weight=\"bold\">{E(title)}</text>");
        for (var i = 0; i <= 5; i++)
        {
            var y = maxY * i / 5;
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Py(y))}\" y2=\"{F(Py(y))}\" stroke=\"#ddd\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{F(Py(y) + 4)}\" text-anchor=\"end\" font-size=\"11\">{F(y)}</text>");
        }

        var ticks = _xTicks.Count > 0 ? _xTicks : DefaultTicks(minX, maxX);
        foreach (var (x, label) in ticks)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Px(x))}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{E(label)}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Width + Left) / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-size=\"12\">{E(xLabel)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(14 {Height / 2}) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">{E(yLabel)}</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#999\"/>");
        var legendX = Left + 8;
        foreach (var (name, color, points, dashed) in _series)
        {
            if (points.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.8\"{(dashed ? " stroke-dasharray=\"6 4\"" : "")} points=\"");
                foreach (var (x, y) in points)
                {
                    sb.Append(F(Px(x))).Append(',').Append(F(Py(y))).Append(' ');
                }

                sb.Append("\"/>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{Top + 6}\" width=\"10\" height=\"10\" fill=\"{color}\"/><text x=\"{legendX + 14}\" y=\"{Top + 15}\" font-size=\"11\">{E(name)}</text>");
            legendX += 24 + (7 * name.Length);
        }

        return sb.Append("</svg>").ToString();
    }

    private static List<(double, string)> DefaultTicks(double min, double max)
    {
        var list = new List<(double, string)>();
        var step = NiceCeiling((max - min) / 8);
        for (var x = Math.Ceiling(min / step) * step; x <= max + 1e-9; x += step)
        {
            list.Add((x, F(x)));
        }

        return list;
    }

    private static double NiceCeiling(double v)
    {
        var p = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var m in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (m * p >= v)
            {
                return m * p;
            }
        }

        return 10 * p;
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
