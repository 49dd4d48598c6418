namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// Σ coefficient × figure: sums of investments, and formulas such as Zhejiang's server units
/// ((cores ÷ 4 + memory ÷ 16) ÷ 2). Undeclared terms count as zero; all undeclared is "not declared".
/// </summary>
internal sealed class LinearValue(int[] indices, double[] coefficients, string text) : ValueExpression
{
    public override string Text => text;

    public override double Evaluate(EvaluationInput input)
    {
        var figures = input.Figures;
        var sum = 0.0;
        var declared = false;
        for (var i = 0; i < indices.Length; i++)
        {
            var value = figures[indices[i]];
            if (!double.IsNaN(value))
            {
                sum += coefficients[i] * value;
                declared = true;
            }
        }

        return declared ? sum : double.NaN;
    }

    public override Gap GapTo(EvaluationInput input, string level, double current, double needed)
    {
        var have = double.IsNaN(current) ? 0 : current;
        return new Gap(level, GapKinds.Figure, text, double.IsNaN(current) ? null : current, needed,
            $"+{Numbers.Format(needed - have)} to {text}", $"{text} 还差 {Numbers.Format(needed - have)}");
    }
}
