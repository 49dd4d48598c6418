using System.Globalization;
using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A declared date on or before / on or after a bound (bounds are inclusive).</summary>
internal sealed class DateCondition(int index, string id, DateOnly bound, bool onOrBefore) : Condition
{
    private readonly int _boundDay = bound.DayNumber;
    private readonly string _boundText = bound.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private readonly byte[] _boundUtf8 = Encoding.UTF8.GetBytes(bound.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    private readonly byte[] _idUtf8 = Encoding.UTF8.GetBytes(id);

    public override string Text => $"{id} {(onOrBefore ? "≤" : "≥")} {_boundText}";

    public override string TextZh => $"{id} {(onOrBefore ? "不晚于" : "不早于")} {_boundText}";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        var day = input.Dates[index];
        observed = required = double.NaN;
        return day != EvaluationInput.MissingDate && (onOrBefore ? day <= _boundDay : day >= _boundDay);
    }

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        var passed = Evaluate(input, out _, out _);
        var day = input.Dates[index];
        Actual(Clause(en, passed).Append(_idUtf8).Append(" = "u8), day)
            .Append(onOrBefore ? " (needs on or before "u8 : " (needs on or after "u8).Append(_boundUtf8).Append(")"u8);
        Actual(Clause(zh, passed).Append(_idUtf8).Append(" = "u8), day)
            .Append(onOrBefore ? "（要求不晚于 "u8 : "（要求不早于 "u8).Append(_boundUtf8).Append("）"u8);
    }

    private static Utf8TextBuilder Actual(Utf8TextBuilder text, int day) =>
        day == EvaluationInput.MissingDate ? text.Append("not declared"u8) : text.AppendFormatted(DateOnly.FromDayNumber(day), "yyyy-MM-dd");

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        gaps.Add(new Gap(level, GapKinds.Date, id, null, 0,
            $"{id} must be {(onOrBefore ? "on or before" : "on or after")} {_boundText}",
            $"{id} 须{(onOrBefore ? "不晚于" : "不早于")} {_boundText}"));
}
