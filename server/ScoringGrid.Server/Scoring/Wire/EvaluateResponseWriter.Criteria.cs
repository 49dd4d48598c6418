using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring.Wire;

internal static partial class EvaluateResponseWriter
{
    // The core hands out its criteria array behind IReadOnlyList; a span over it spares an interface call and a copy per read.
    private static ReadOnlySpan<Criterion> AsSpan(IReadOnlyList<Criterion> criteria) =>
        criteria is Criterion[] array ? array : criteria.ToArray();

    private static int MeasureCriteria(
        ReadOnlySpan<Criterion> criteria, CompiledRuleSet ruleSet, bool withTexts, CriterionWireParts[] parts, ResponseLayout layout)
    {
        var sizes = layout.Criteria(criteria.Length);
        var total = 0;
        for (var i = 0; i < sizes.Length; i++)
        {
            ref readonly var c = ref criteria[i];
            ref var entry = ref sizes[i];
            var size = parts[i].Size
                + (c.Passed ? WireSize.Varint(WireTags.CriterionPassed) + 1 : 0)
                + WireSize.OptionalDouble(WireTags.CriterionObserved, c.Observed)
                + WireSize.ImplicitDouble(WireTags.CriterionRequired, c.Required)
                + WireSize.ImplicitDouble(WireTags.CriterionPoints, c.Points);
            if (withTexts)
            {
                // Explanations are written here once, as UTF-8, for the writing pass to copy; a rule
                // checked the same way at several levels is explained once.
                var same = ruleSet.SameOutcomeAs(i);
                if (same >= 0)
                {
                    entry.Explanations = sizes[same].Explanations;
                }
                else
                {
                    entry.Explanations = layout.StartTexts();
                    c.WriteExplanations(layout.English, layout.Chinese);
                    layout.EndTexts(ref entry.Explanations);
                }

                size += TextPairSize(WireTags.CriterionExplanation, WireTags.CriterionExplanationZh, entry.Explanations);
            }
            else
            {
                entry.Explanations = default;
            }

            entry.Size = size;
            total += WireSize.Delimited(WireTags.ResultCriterion, size);
        }

        return total;
    }

    private static void WriteCriteria(ref ProtoSpanWriter writer, ReadOnlySpan<Criterion> criteria, CriterionWireParts[] parts, ResponseLayout layout)
    {
        var sizes = layout.Criteria(criteria.Length);
        for (var i = 0; i < sizes.Length; i++)
        {
            ref readonly var c = ref criteria[i];
            ref readonly var entry = ref sizes[i];
            ref readonly var constant = ref parts[i];
            writer.WriteLengthPrefix(WireTags.ResultCriterion, entry.Size);
            writer.WriteRaw(constant.IdAndLevel);
            if (c.Passed)
            {
                writer.WriteTrue(WireTags.CriterionPassed);
            }

            WriteOptionalDouble(ref writer, WireTags.CriterionObserved, c.Observed);
            WriteImplicitDouble(ref writer, WireTags.CriterionRequired, c.Required);
            WriteImplicitDouble(ref writer, WireTags.CriterionPoints, c.Points);
            writer.WriteRaw(constant.MaxPoints);
            WriteTextPair(ref writer, WireTags.CriterionExplanation, WireTags.CriterionExplanationZh, entry.Explanations, layout);
            writer.WriteRaw(constant.Kind);
        }
    }

    private static int MeasureGaps(IReadOnlyList<Gap> gaps, ResponseLayout layout)
    {
        var sizes = layout.GapSizes(gaps.Count);
        var total = 0;
        for (var i = 0; i < sizes.Length; i++)
        {
            var g = gaps[i];
            ref var entry = ref sizes[i];
            entry.LevelLength = WireSize.Utf8(g.Level);
            entry.KindLength = WireSize.Utf8(g.Kind);
            entry.TargetLength = WireSize.Utf8(g.Target);
            // Worded straight into the layout's builders, after the explanations (no string per text).
            entry.Texts = layout.StartTexts();
            g.WriteTexts(layout.English, layout.Chinese);
            layout.EndTexts(ref entry.Texts);
            entry.Size = TextSize(WireTags.GapLevel, entry.LevelLength)
                + TextSize(WireTags.GapKind, entry.KindLength)
                + TextSize(WireTags.GapTarget, entry.TargetLength)
                + WireSize.OptionalDouble(WireTags.GapCurrent, g.Current)
                + WireSize.ImplicitDouble(WireTags.GapNeeded, g.Needed)
                + TextPairSize(WireTags.GapText, WireTags.GapTextZh, entry.Texts);
            total += WireSize.Delimited(WireTags.ResultGap, entry.Size);
        }

        return total;
    }

    private static void WriteGaps(ref ProtoSpanWriter writer, IReadOnlyList<Gap> gaps, ResponseLayout layout)
    {
        var sizes = layout.GapSizes(gaps.Count);
        for (var i = 0; i < sizes.Length; i++)
        {
            var g = gaps[i];
            ref readonly var entry = ref sizes[i];
            writer.WriteLengthPrefix(WireTags.ResultGap, entry.Size);
            WriteText(ref writer, WireTags.GapLevel, g.Level, entry.LevelLength);
            WriteText(ref writer, WireTags.GapKind, g.Kind, entry.KindLength);
            WriteText(ref writer, WireTags.GapTarget, g.Target, entry.TargetLength);
            WriteOptionalDouble(ref writer, WireTags.GapCurrent, g.Current);
            WriteImplicitDouble(ref writer, WireTags.GapNeeded, g.Needed);
            WriteTextPair(ref writer, WireTags.GapText, WireTags.GapTextZh, entry.Texts, layout);
        }
    }

    // A string's UTF-8 length is zero exactly when the string is empty, which proto3 leaves out.
    private static int TextSize(uint tag, int utf8Length) => utf8Length == 0 ? 0 : WireSize.Delimited(tag, utf8Length);

    private static int TextPairSize(uint englishTag, uint chineseTag, in TextPairLayout texts) =>
        TextSize(englishTag, texts.EnglishLength) + TextSize(chineseTag, texts.ChineseLength);

    private static void WriteTextPair(ref ProtoSpanWriter writer, uint englishTag, uint chineseTag, TextPairLayout texts, ResponseLayout layout)
    {
        WriteEncoded(ref writer, englishTag, layout.EnglishBytes(texts));
        WriteEncoded(ref writer, chineseTag, layout.ChineseBytes(texts));
    }

    private static void WriteEncoded(ref ProtoSpanWriter writer, uint tag, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length != 0)
        {
            writer.WriteLengthPrefix(tag, utf8.Length);
            writer.WriteRaw(utf8);
        }
    }

    private static void WriteText(ref ProtoSpanWriter writer, uint tag, string value, int utf8Length)
    {
        if (utf8Length != 0)
        {
            writer.WriteString(tag, value, utf8Length);
        }
    }
}
