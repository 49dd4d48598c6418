using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScoringGrid.Rounds;

/// <summary>Writes a recommendation order as CSV or JSON with the seed's columns.</summary>
public static class RecommendationExport
{
    /// <summary>The seed's column titles, in order; CSV headers and the JSON <c>columns</c> use them.</summary>
    public static IReadOnlyList<string> ColumnTitles { get; } =
    [
        "序号", "区县", "企业名称", "主营业务", "上年度销售收入(万元)", "上年度利润总额(万元)",
        "近三年信息化建设和运维投入(万元)", "近三年上云投入(万元)", "企业信息化负责人", "联系电话", "市经信局推荐意见",
    ];

    /// <summary>The JSON keys of the same columns, in the same order.</summary>
    public static IReadOnlyList<string> ColumnKeys { get; } =
    [
        "order", "district", "name", "main_business", "sales_revenue_wan", "profit_wan",
        "it_investment_3y_wan", "cloud_investment_3y_wan", "it_lead", "phone", "opinion",
    ];

    /// <summary>RFC 4180 CSV (CRLF, UTF-8 text; callers add a BOM if a spreadsheet needs one), header first.</summary>
    public static string ToCsv(RecommendationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder();
        AppendLine(sb, ColumnTitles);
        foreach (var row in table.Rows)
        {
            AppendLine(sb, Cells(row));
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>{"round_id","rule_set","city","columns":[{"key","title"}…],"rows":[{key: value…}]}</c>;
    /// each row also carries <c>application_id</c> and <c>total_score</c>.
    /// </summary>
    public static string ToJson(RecommendationTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("round_id", table.RoundId);
            w.WriteString("rule_set", table.RuleSet);
            w.WriteString("city", table.City);
            w.WriteStartArray("columns");
            for (var i = 0; i < ColumnKeys.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("key", ColumnKeys[i]);
                w.WriteString("title", ColumnTitles[i]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("rows");
            foreach (var row in table.Rows)
            {
                w.WriteStartObject();
                w.WriteNumber("order", row.Order);
                w.WriteString("district", row.District);
                w.WriteString("name", row.Name);
                w.WriteString("main_business", row.MainBusiness);
                Number(w, "sales_revenue_wan", row.SalesRevenueWan);
                Number(w, "profit_wan", row.ProfitWan);
                Number(w, "it_investment_3y_wan", row.ItInvestment3yWan);
                Number(w, "cloud_investment_3y_wan", row.CloudInvestment3yWan);
                w.WriteString("it_lead", row.ItLead);
                w.WriteString("phone", row.Phone);
                w.WriteString("opinion", row.Opinion);
                w.WriteString("application_id", row.ApplicationId);
                Number(w, "total_score", row.TotalScore);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string[] Cells(RecommendationRow r) =>
    [
        r.Order.ToString(CultureInfo.InvariantCulture), r.District, r.Name, r.MainBusiness, Format(r.SalesRevenueWan),
        Format(r.ProfitWan), Format(r.ItInvestment3yWan), Format(r.CloudInvestment3yWan), r.ItLead, r.Phone, r.Opinion,
    ];

    private static string Format(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void AppendLine(StringBuilder sb, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(cell);
            }
        }

        sb.Append("\r\n");
    }
}
