using System.Globalization;
using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A declared date on or before / on or after a bound (bounds are inclusive).</summary>
internal sealed class DateCondition(int index, string id, DateOnly bound, bool onOrBefore) : Condition
{
    private readonly int _boundDay = bound.DayNumber;
    private readonly string _boundText = bound.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override string Text => $"{id} {(onOrBefore ? "≤" : "≥")} {_boundText}";

    public override string TextZh => $"{id} {(onOrBefore ? "不晚于" : "不早于")} {_boundText}";

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        var day = input.Dates[index];
        observed = required = double.NaN;
        return day != EvaluationInput.MissingDate && (onOrBefore ? day <= _boundDay : day >= _boundDay);
    }

    public override void Explain(EvaluationInput input, StringBuilder en, StringBuilder zh)
    {
        var passed = Evaluate(input, out _, out _);
        var day = input.Dates[index];
        var actual = day == EvaluationInput.MissingDate
            ? "not declared"
            : DateOnly.FromDayNumber(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Clause(en, passed).Append($"{id} = {actual} (needs {(onOrBefore ? "on or before" : "on or after")} {_boundText})");
        Clause(zh, passed).Append($"{id} = {actual}（要求{(onOrBefore ? "不晚于" : "不早于")} {_boundText}）");
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps) =>
        gaps.Add(new Gap(level, GapKinds.Date, id, null, 0,
            $"{id} must be {(onOrBefore ? "on or before" : "on or after")} {_boundText}",
            $"{id} 须{(onOrBefore ? "不晚于" : "不早于")} {_boundText}"));
}
