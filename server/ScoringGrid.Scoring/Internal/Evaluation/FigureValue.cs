using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>One declared figure.</summary>
internal sealed class FigureValue(int index, string id) : ValueExpression, IGapWording
{
    private readonly byte[] _idUtf8 = Encoding.UTF8.GetBytes(id);
    private readonly bool _percentage = id.EndsWith("_pct", StringComparison.Ordinal);

    public int Index { get; } = index;

    public override string Text => id;

    public override double Evaluate(EvaluationInput input) => input.Figures[Index];

    public override Gap GapTo(EvaluationInput input, string level, double current, double needed) =>
        new(level, GapKinds.Figure, id, double.IsNaN(current) ? null : current, needed, this, null);

    void IGapWording.Write(Gap gap, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        if (gap.Current is not { } current)
        {
            en.Append("declare "u8).Append(_idUtf8).Append(" ≥ "u8).AppendNumber(gap.Needed);
            zh.Append("申报 "u8).Append(_idUtf8).Append(" ≥ "u8).AppendNumber(gap.Needed);
            return;
        }

        // Percentages read better as a move ("79 → 80"); counts and money as the amount still missing.
        if (_percentage)
        {
            en.Append(_idUtf8).Append(" "u8).AppendNumber(current).Append(" → "u8).AppendNumber(gap.Needed);
            zh.Append(_idUtf8).Append(" 由 "u8).AppendNumber(current).Append(" 提高到 "u8).AppendNumber(gap.Needed);
            return;
        }

        en.Append("+"u8).AppendNumber(gap.Needed - current).Append(" "u8).Append(_idUtf8);
        zh.Append(_idUtf8).Append(" 还差 "u8).AppendNumber(gap.Needed - current);
    }
}
