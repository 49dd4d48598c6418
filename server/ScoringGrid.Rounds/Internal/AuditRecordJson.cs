using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>
/// The stored form of an audit record: one JSON object per record. The input and result are kept
/// as strings, byte for byte, so hashes and comparisons hold after a round trip.
/// </summary>
internal static class AuditRecordJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record without its sequence (Redis assigns it) and without the closing brace when <paramref name="open"/>, so a script can append the revision.</summary>
    public static string Write(AuditRecord r, bool open = false)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("round_id", r.RoundId);
            w.WriteString("application_id", r.ApplicationId);
            w.WriteString("kind", r.Kind);
            w.WriteString("key_id", r.KeyId);
            w.WriteString("at", r.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("rule_set", r.RuleSet);
            w.WriteString("digest", r.RuleSetDigest);
            w.WriteString("input_sha256", r.InputSha256);
            w.WriteString("input", r.Input);
            w.WriteString("result", r.ResultJson);
            w.WriteString("detail", r.Detail);
            if (r.Ban is { } ban)
            {
                w.WriteStartObject("ban");
                w.WriteString("credit_code", ban.CreditCode);
                w.WriteString("reason", ban.Reason);
                w.WriteString("since", ban.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("until", ban.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            if (r.Revision is { } revision)
            {
                w.WriteNumber("revision", revision);
            }

            w.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return open ? json[..^1] : json;
    }

    public static AuditRecord Read(long sequence, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Disqualification? ban = null;
        if (root.TryGetProperty("ban", out var b))
        {
            ban = new Disqualification(
                Text(b, "credit_code"), Text(b, "reason"), Day(Text(b, "since")), Day(Text(b, "until")));
        }

        return new AuditRecord
        {
            RoundId = Text(root, "round_id"),
            Sequence = sequence,
            ApplicationId = Text(root, "application_id"),
            Kind = Text(root, "kind"),
            KeyId = Text(root, "key_id"),
            At = DateTimeOffset.Parse(Text(root, "at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            RuleSet = Text(root, "rule_set"),
            RuleSetDigest = Text(root, "digest"),
            InputSha256 = Text(root, "input_sha256"),
            Input = Text(root, "input"),
            ResultJson = Text(root, "result"),
            Detail = Text(root, "detail"),
            Ban = ban,
            Revision = root.TryGetProperty("revision", out var rev) ? rev.GetInt32() : null,
        };
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
