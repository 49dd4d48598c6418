using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>The stored form of a ban (and of a log entry: the same object plus who, when and what).</summary>
internal static class BanJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Disqualification ban, DateTimeOffset at, string keyId, string action)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("credit_code", ban.CreditCode);
            w.WriteString("reason", ban.Reason);
            w.WriteString("since", Day(ban.Since));
            w.WriteString("until", Day(ban.Until));
            w.WriteString("action", action);
            w.WriteString("at", ScoringRounds.Iso(at));
            w.WriteString("key_id", keyId);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Disqualification Read(string creditCode, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        return new Disqualification(
            creditCode,
            r.GetProperty("reason").GetString() ?? "",
            DateOnly.ParseExact(r.GetProperty("since").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(r.GetProperty("until").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
