namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// A Zhejiang self-assessed line: weight × N ÷ M. M = 0 earns 0 with a note; N &gt; M is invalid
/// input unless the line is capped (<c>collab.systems</c>), where it earns the full weight.
/// Points stay unrounded here; the result rounds the total once and splits the cents.
/// </summary>
internal sealed class RatioLineCriterion(
    string ruleId, string title, string titleZh, double weight, ValueExpression n, ValueExpression m, bool capAtWeight)
    : CriterionDefinition(ruleId, title, titleZh, "", -1)
{
    public override string Kind => "line";

    public override double MaxPoints => weight;

    public override string Text =>
        $"{Numbers.Format(weight)} × N ÷ M, N = {n.Text}, M = {m.Text}{(capAtWeight ? " (N > M capped at the weight)" : "")}";

    public override string TextZh =>
        $"{Numbers.Format(weight)} × N ÷ M，N = {n.Text}，M = {m.Text}{(capAtWeight ? "（N 大于 M 时按满分计）" : "")}";

    /// <summary>Null when the line can be scored; else the error naming the line.</summary>
    public ScoringError? Validate(EvaluationInput input)
    {
        var nv = n.Evaluate(input);
        var mv = m.Evaluate(input);
        if (!capAtWeight && nv > mv && mv > 0)
        {
            return ScoringErrors.NExceedsM(RuleId, n.Text, nv, m.Text, mv);
        }

        return null;
    }

    public override Criterion Evaluate(EvaluationInput input)
    {
        var nv = n.Evaluate(input);
        var mv = m.Evaluate(input);
        if (double.IsNaN(nv) || double.IsNaN(mv) || mv <= 0)
        {
            return new Criterion(this, input, true, double.NaN, double.NaN, 0);
        }

        var ratio = nv > mv ? 1.0 : nv / mv;
        return new Criterion(this, input, true, nv / mv, double.NaN, weight * ratio);
    }

    public override (string En, string Zh) Explain(in Criterion criterion)
    {
        var input = criterion.Input;
        var nv = n.Evaluate(input);
        var mv = m.Evaluate(input);
        var w = Numbers.Format(weight);
        var pts = criterion.Points.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        if (double.IsNaN(mv) || mv <= 0)
        {
            var why = double.IsNaN(mv) ? $"M ({m.Text}) not declared" : $"M ({m.Text}) = 0";
            var whyZh = double.IsNaN(mv) ? $"M（{m.Text}）未申报" : $"M（{m.Text}）= 0";
            return ($"{Title}: {why}, 0 of {w} points", $"{TitleZh}：{whyZh}，得 0 分（满分 {w}）");
        }

        if (double.IsNaN(nv))
        {
            return ($"{Title}: N ({n.Text}) not declared, 0 of {w} points", $"{TitleZh}：N（{n.Text}）未申报，得 0 分（满分 {w}）");
        }

        if (nv > mv)
        {
            return ($"{Title}: N = {Numbers.Format(nv)} exceeds M = {Numbers.Format(mv)}, capped at {w} points",
                $"{TitleZh}：N = {Numbers.Format(nv)} 大于 M = {Numbers.Format(mv)}，按满分 {w} 分计");
        }

        return ($"{Title}: {w} × {Numbers.Format(nv)} ÷ {Numbers.Format(mv)} = {pts} of {w} points",
            $"{TitleZh}：{w} × {Numbers.Format(nv)} ÷ {Numbers.Format(mv)} = {pts} 分（满分 {w}）");
    }
}
