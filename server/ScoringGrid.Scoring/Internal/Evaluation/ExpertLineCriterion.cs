using System.Globalization;

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

    public override (string En, string Zh) Explain(in Criterion criterion)
    {
        var input = criterion.Input;
        var count = input.ExpertCounts[ExpertIndex];
        var w = Numbers.Format(Weight);
        if (count == 0)
        {
            return ($"{Title}: not scored by experts yet (0..{w} points possible)", $"{TitleZh}：专家尚未评分（可得 0～{w} 分）");
        }

        var mean = input.ExpertMeans[ExpertIndex].ToString("0.00", CultureInfo.InvariantCulture);
        return ($"{Title}: mean of {count} expert score(s) = {mean} of {w} points", $"{TitleZh}：{count} 位专家平均 {mean} 分（满分 {w}）");
    }
}
