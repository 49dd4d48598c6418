using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScoringGrid.Rounds.Internal;

/// <summary>Stored forms of the applicant profile and of a history entry.</summary>
internal static class ProfileJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ApplicantProfile p) => Build(w =>
    {
        w.WriteString("district", p.District);
        w.WriteString("main_business", p.MainBusiness);
        Number(w, "sales_revenue_wan", p.SalesRevenueWan);
        Number(w, "profit_wan", p.ProfitWan);
        w.WriteString("it_lead", p.ItLead);
        w.WriteString("phone", p.Phone);
    });

    public static ApplicantProfile Read(string json)
    {
        if (json.Length == 0)
        {
            return new ApplicantProfile();
        }

        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        return new ApplicantProfile
        {
            District = Text(r, "district"),
            MainBusiness = Text(r, "main_business"),
            SalesRevenueWan = r.TryGetProperty("sales_revenue_wan", out var s) ? s.GetDouble() : null,
            ProfitWan = r.TryGetProperty("profit_wan", out var p) ? p.GetDouble() : null,
            ItLead = Text(r, "it_lead"),
            Phone = Text(r, "phone"),
        };
    }

    public static string WriteRevision(DateTimeOffset at, string keyId, string sha256, string json) => Build(w =>
    {
        w.WriteString("at", ScoringRounds.Iso(at));
        w.WriteString("key_id", keyId);
        w.WriteString("sha256", sha256);
        w.WriteString("json", json);
    });

    public static SubmissionRevision ReadRevision(int revision, string entry)
    {
        using var doc = JsonDocument.Parse(entry);
        var r = doc.RootElement;
        return new SubmissionRevision(revision, ScoringRounds.ParseIso(Text(r, "at")), Text(r, "key_id"), Text(r, "sha256"), Text(r, "json"));
    }

    private static string Build(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
}
