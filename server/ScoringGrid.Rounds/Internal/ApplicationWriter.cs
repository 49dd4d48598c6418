using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>
/// Writes an application back as the rulebook's document, deterministically (maps in ordinal key
/// order), so the audit trail can hash exactly what was scored and re-read it with <see cref="ApplicationJson"/>.
/// </summary>
internal static class ApplicationWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(Application app)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            Write(w, app);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter w, Application app)
    {
        w.WriteStartObject();
        w.WriteString("id", app.Id);
        w.WriteString("ruleset", app.RuleSet);
        w.WriteStartObject("applicant");
        w.WriteString("name", app.Applicant.Name);
        w.WriteString("credit_code", app.Applicant.CreditCode);
        w.WriteString("province", app.Applicant.Province);
        w.WriteString("city", app.Applicant.City);
        w.WriteString("industry", app.Applicant.Industry);
        w.WriteString("provider", app.Applicant.Provider);
        w.WriteEndObject();
        if (app.Deployment.Length > 0)
        {
            w.WriteString("deployment", app.Deployment);
        }

        w.WriteStartArray("items");
        foreach (var item in app.Items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
        w.WriteStartObject("figures");
        foreach (var key in Sorted(app.Figures.Keys))
        {
            w.WriteNumber(key, app.Figures[key]);
        }

        w.WriteEndObject();
        w.WriteStartObject("flags");
        foreach (var key in Sorted(app.Flags.Keys))
        {
            w.WriteBoolean(key, app.Flags[key]);
        }

        w.WriteEndObject();
        w.WriteStartObject("dates");
        foreach (var key in Sorted(app.Dates.Keys))
        {
            w.WriteString(key, app.Dates[key]);
        }

        w.WriteEndObject();
        w.WriteStartObject("expert_scores");
        foreach (var key in Sorted(app.ExpertScores.Keys))
        {
            w.WriteStartArray(key);
            foreach (var score in app.ExpertScores[key])
            {
                w.WriteNumberValue(score);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        if (app.PlatformId.Length > 0)
        {
            w.WriteString("platform_id", app.PlatformId);
        }

        if (app.Verify)
        {
            w.WriteBoolean("verify", true);
        }

        w.WriteEndObject();
    }

    private static string[] Sorted(IEnumerable<string> keys)
    {
        var array = keys.ToArray();
        Array.Sort(array, StringComparer.Ordinal);
        return array;
    }
}
