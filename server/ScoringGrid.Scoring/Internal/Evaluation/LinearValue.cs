namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// Σ coefficient × figure: sums of investments, and formulas such as Zhejiang's server units
/// ((cores ÷ 4 + memory ÷ 16) ÷ 2). Undeclared terms count as zero; all undeclared is "not declared".
/// </summary>
internal sealed class LinearValue(int[] indices, double[] coefficients, string text) : ValueExpression, IGapWording
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

    public override Gap GapTo(EvaluationInput input, string level, double current, double needed) =>
        new(level, GapKinds.Figure, text, double.IsNaN(current) ? null : current, needed, this, null);

    void IGapWording.Write(Gap gap, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var missing = gap.Needed - (gap.Current ?? 0);
        en.Append("+"u8).AppendNumber(missing).Append(" to "u8).Append(TextUtf8);
        zh.Append(TextUtf8).Append(" 还差 "u8).AppendNumber(missing);
    }
}
