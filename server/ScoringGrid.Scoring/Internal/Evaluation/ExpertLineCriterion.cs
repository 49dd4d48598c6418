namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A line experts score 0..weight; several experts are averaged. Missing until entered.</summary>
internal sealed class ExpertLineCriterion(string ruleId, string title, string titleZh, double weight, int expertIndex)
    : CriterionDefinition(ruleId, title, titleZh, "", -1)
{
    public int ExpertIndex { get; } = expertIndex;

    public double Weight { get; } = weight;

    public override string Kind => "expert";

    public override double MaxPoints => Weight;

    public override string Text => $"expert score 0..{Numbers.Format(Weight)} (mean of the experts)";

    public override string TextZh => $"专家评分 0～{Numbers.Format(Weight)}（多位专家取平均）";

    public override Criterion Evaluate(EvaluationInput input)
    {
        var mean = input.ExpertMeans[ExpertIndex];
        return double.IsNaN(mean)
            ? new Criterion(this, input, false, double.NaN, Weight, 0)
            : new Criterion(this, input, true, mean, Weight, mean);
    }

    public override void WriteExplanations(in Criterion criterion, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var input = criterion.Input;
        var count = input.ExpertCounts[ExpertIndex];
        if (count == 0)
        {
            en.Append(TitleUtf8).Append(": not scored by experts yet (0.."u8).AppendNumber(Weight).Append(" points possible)"u8);
            zh.Append(TitleZhUtf8).Append("：专家尚未评分（可得 0～"u8).AppendNumber(Weight).Append(" 分）"u8);
            return;
        }

        var mean = input.ExpertMeans[ExpertIndex];
        en.Append(TitleUtf8).Append(": mean of "u8).AppendFormatted(count).Append(" expert score(s) = "u8).AppendFormatted(mean, "0.00")
            .Append(" of "u8).AppendNumber(Weight).Append(" points"u8);
        zh.Append(TitleZhUtf8).Append("："u8).AppendFormatted(count).Append(" 位专家平均 "u8).AppendFormatted(mean, "0.00")
            .Append(" 分（满分 "u8).AppendNumber(Weight).Append("）"u8);
    }
}
