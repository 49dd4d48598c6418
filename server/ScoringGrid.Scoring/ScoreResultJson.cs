using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ScoringGrid.Scoring;

/// <summary>
/// Writes results and errors as JSON with the snake_case names of <c>scoringgrid.v1.ScoreResult</c>,
/// so the CLI, REST and gRPC all show the same fields.
/// </summary>
public static class ScoreResultJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one result object.</summary>
    public static void Write(Utf8JsonWriter w, ScoreResult r)
    {
        w.WriteStartObject();
        w.WriteString("rule_set", r.RuleSetId);
        w.WriteString("version", r.Version);
        w.WriteString("digest", r.Digest);
        w.WriteString("application_id", r.ApplicationId);
        w.WriteString("level", r.Level);
        w.WriteBoolean("eligible", r.Eligible);
        Optional(w, "self_score", r.SelfScore);
        Optional(w, "expert_score", r.ExpertScore);
        Optional(w, "total_score", r.TotalScore);
        Optional(w, "total_score_min", r.TotalScoreMin);
        Optional(w, "total_score_max", r.TotalScoreMax);
        Optional(w, "subsidy_yuan", r.SubsidyYuan);
        Strings(w, "priorities", r.Priorities);
        w.WriteStartArray("criteria");
        var en = new Utf8TextBuilder(1024);
        var zh = new Utf8TextBuilder(1024);
        foreach (var c in r.Criteria)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("level", c.Level);
            w.WriteString("kind", c.Kind);
            w.WriteBoolean("passed", c.Passed);
            Optional(w, "observed", c.Observed);
            w.WriteNumber("required", c.Required);
            w.WriteNumber("points", c.Points);
            w.WriteNumber("max_points", c.MaxPoints);
            // Written as UTF-8 straight from the rule, with no string per text.
            en.Clear();
            zh.Clear();
            c.WriteExplanations(en, zh);
            w.WriteString("explanation", en.WrittenSpan);
            w.WriteString("explanation_zh", zh.WrittenSpan);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("gaps");
        foreach (var g in r.Gaps)
        {
            w.WriteStartObject();
            w.WriteString("level", g.Level);
            w.WriteString("kind", g.Kind);
            w.WriteString("target", g.Target);
            Optional(w, "current", g.Current);
            w.WriteNumber("needed", g.Needed);
            en.Clear();
            zh.Clear();
            g.WriteTexts(en, zh);
            w.WriteString("text", en.WrittenSpan);
            w.WriteString("text_zh", zh.WrittenSpan);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "notes", r.Notes);
        w.WriteEndObject();
    }

    /// <summary>Writes <c>{"error":{"code":…,"field":…,"message":…}}</c>, with the application id when known.</summary>
    public static void WriteError(Utf8JsonWriter w, ScoringError error, string applicationId = "")
    {
        w.WriteStartObject();
        if (applicationId.Length > 0)
        {
            w.WriteString("application_id", applicationId);
        }

        w.WriteStartObject("error");
        w.WriteString("code", error.Code);
        w.WriteString("field", error.Field);
        w.WriteString("message", error.Message);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>The result as one line of compact JSON (UTF-8, Chinese unescaped).</summary>
    public static string ToJson(ScoreResult result)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var w = new Utf8JsonWriter(buffer, Compact))
        {
            Write(w, result);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Creates a writer with the options the other methods use (compact, Chinese unescaped).</summary>
    public static Utf8JsonWriter CreateWriter(IBufferWriter<byte> output) => new(output, Compact);

    private static void Optional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
