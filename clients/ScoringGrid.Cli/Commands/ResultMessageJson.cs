using System.Text.Json;
using Google.Protobuf.Collections;
using ScoringGrid.Scoring;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// A server's <c>scoringgrid.v1.ScoreResult</c> as the line offline scoring prints for the same result: the
/// names, order and optional fields of <see cref="ScoreResultJson.Write"/>, through a writer from
/// <see cref="ScoreResultJson.CreateWriter"/>. The CLI tests hold the two to the same bytes.
/// </summary>
internal static class ResultMessageJson
{
    public static void Write(Utf8JsonWriter w, V1.ScoreResult r)
    {
        w.WriteStartObject();
        w.WriteString("rule_set", r.RuleSet);
        w.WriteString("version", r.Version);
        w.WriteString("digest", r.Digest);
        w.WriteString("application_id", r.ApplicationId);
        w.WriteString("level", r.Level);
        w.WriteBoolean("eligible", r.Eligible);
        Optional(w, "self_score", r.HasSelfScore, r.SelfScore);
        Optional(w, "expert_score", r.HasExpertScore, r.ExpertScore);
        Optional(w, "total_score", r.HasTotalScore, r.TotalScore);
        Optional(w, "total_score_min", r.HasTotalScoreMin, r.TotalScoreMin);
        Optional(w, "total_score_max", r.HasTotalScoreMax, r.TotalScoreMax);
        Optional(w, "subsidy_yuan", r.HasSubsidyYuan, r.SubsidyYuan);
        Strings(w, "priorities", r.Priorities);
        w.WriteStartArray("criteria");
        for (var i = 0; i < r.Criteria.Count; i++)
        {
            var c = r.Criteria[i];
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("level", c.Level);
            w.WriteString("kind", c.Kind);
            w.WriteBoolean("passed", c.Passed);
            Optional(w, "observed", c.HasObserved, c.Observed);
            w.WriteNumber("required", c.Required);
            w.WriteNumber("points", c.Points);
            w.WriteNumber("max_points", c.MaxPoints);
            w.WriteString("explanation", c.Explanation);
            w.WriteString("explanation_zh", c.ExplanationZh);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("gaps");
        for (var i = 0; i < r.Gaps.Count; i++)
        {
            var g = r.Gaps[i];
            w.WriteStartObject();
            w.WriteString("level", g.Level);
            w.WriteString("kind", g.Kind);
            w.WriteString("target", g.Target);
            Optional(w, "current", g.HasCurrent, g.Current);
            w.WriteNumber("needed", g.Needed);
            w.WriteString("text", g.Text);
            w.WriteString("text_zh", g.TextZh);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Strings(w, "notes", r.Notes);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, bool present, double value)
    {
        if (present)
        {
            w.WriteNumber(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, RepeatedField<string> values)
    {
        w.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            w.WriteStringValue(values[i]);
        }

        w.WriteEndArray();
    }
}
