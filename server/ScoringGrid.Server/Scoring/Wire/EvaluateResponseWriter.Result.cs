using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring.Wire;

internal static partial class EvaluateResponseWriter
{
    private static int MeasureResult(ScoreResult r, bool withTexts, RuleSetWireParts parts, ResponseLayout layout)
    {
        var size = parts.Header.Length + WireSize.NonEmptyString(WireTags.ResultApplicationId, r.ApplicationId);
        if (r.LevelIndex >= 0)
        {
            size += parts.Levels[r.LevelIndex].Length;
        }

        if (r.Eligible)
        {
            size += WireSize.Varint(WireTags.ResultEligible) + 1;
        }

        size += WireSize.OptionalDouble(WireTags.ResultSelfScore, r.SelfScore)
            + WireSize.OptionalDouble(WireTags.ResultExpertScore, r.ExpertScore)
            + WireSize.OptionalDouble(WireTags.ResultTotalScore, r.TotalScore)
            + WireSize.OptionalDouble(WireTags.ResultTotalScoreMin, r.TotalScoreMin)
            + WireSize.OptionalDouble(WireTags.ResultTotalScoreMax, r.TotalScoreMax)
            + WireSize.OptionalDouble(WireTags.ResultSubsidyYuan, r.SubsidyYuan);

        var priorities = r.Priorities;
        for (var i = 0; i < priorities.Count; i++)
        {
            size += WireSize.String(WireTags.ResultPriority, priorities[i]);
        }

        size += MeasureCriteria(AsSpan(r.Criteria), r.RuleSet, withTexts, parts.Criteria, layout);
        if (withTexts)
        {
            // Gaps are computed on first read and kept by the result; the layout keeps the list for the writing pass.
            layout.Gaps = r.Gaps;
            size += MeasureGaps(layout.Gaps, layout);
        }

        // A result's notes are the rule set's (pre-encoded) followed by its own.
        var notes = layout.Notes = r.Notes;
        size += parts.Notes.Length;
        for (var i = parts.NoteCount; i < notes.Count; i++)
        {
            size += WireSize.String(WireTags.ResultNote, notes[i]);
        }

        return size;
    }

    private static void WriteResult(ref ProtoSpanWriter writer, ScoreResult r, bool withTexts, RuleSetWireParts parts, ResponseLayout layout)
    {
        writer.WriteRaw(parts.Header);
        writer.WriteNonEmptyString(WireTags.ResultApplicationId, r.ApplicationId);
        if (r.LevelIndex >= 0)
        {
            writer.WriteRaw(parts.Levels[r.LevelIndex]);
        }

        if (r.Eligible)
        {
            writer.WriteTrue(WireTags.ResultEligible);
        }

        WriteOptionalDouble(ref writer, WireTags.ResultSelfScore, r.SelfScore);
        WriteOptionalDouble(ref writer, WireTags.ResultExpertScore, r.ExpertScore);
        WriteOptionalDouble(ref writer, WireTags.ResultTotalScore, r.TotalScore);
        WriteOptionalDouble(ref writer, WireTags.ResultTotalScoreMin, r.TotalScoreMin);
        WriteOptionalDouble(ref writer, WireTags.ResultTotalScoreMax, r.TotalScoreMax);
        WriteOptionalDouble(ref writer, WireTags.ResultSubsidyYuan, r.SubsidyYuan);

        var priorities = r.Priorities;
        for (var i = 0; i < priorities.Count; i++)
        {
            writer.WriteString(WireTags.ResultPriority, priorities[i], WireSize.Utf8(priorities[i]));
        }

        WriteCriteria(ref writer, AsSpan(r.Criteria), parts.Criteria, layout);
        if (withTexts)
        {
            WriteGaps(ref writer, layout.Gaps, layout);
        }

        var notes = layout.Notes;
        writer.WriteRaw(parts.Notes);
        for (var i = parts.NoteCount; i < notes.Count; i++)
        {
            writer.WriteString(WireTags.ResultNote, notes[i], WireSize.Utf8(notes[i]));
        }
    }

    private static void WriteOptionalDouble(ref ProtoSpanWriter writer, uint tag, double? value)
    {
        if (value is { } v)
        {
            writer.WriteDouble(tag, v);
        }
    }

    private static void WriteImplicitDouble(ref ProtoSpanWriter writer, uint tag, double value)
    {
        if (value != 0D)
        {
            writer.WriteDouble(tag, value);
        }
    }
}
