using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>Every part must pass (且).</summary>
internal sealed class AllCondition(Condition[] parts) : Condition
{
    public IReadOnlyList<Condition> Parts => parts;

    public override string Text => Join(parts, " and ", static c => c.Text);

    public override string TextZh => Join(parts, "，且 ", static c => c.TextZh);

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        observed = required = double.NaN;
        var decided = false;
        foreach (var part in parts)
        {
            var passed = part.Evaluate(input, out var o, out var r);
            // Show the first failing comparison; when all pass, the first one that has numbers.
            if (!passed)
            {
                observed = o;
                required = r;
                return false;
            }

            if (!decided && !double.IsNaN(r))
            {
                observed = o;
                required = r;
                decided = true;
            }
        }

        return true;
    }

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        foreach (var part in parts)
        {
            part.Explain(input, en, zh);
        }
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps)
    {
        foreach (var part in parts)
        {
            if (!part.Evaluate(input, out _, out _))
            {
                part.AddGaps(input, level, gaps);
            }
        }
    }

    internal static string Join(Condition[] parts, string separator, Func<Condition, string> text)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (sb.Length > 0)
            {
                sb.Append(separator);
            }

            var t = text(part);
            var wrap = part is AllCondition or AnyCondition;
            sb.Append(wrap ? "(" : "").Append(t).Append(wrap ? ")" : "");
        }

        return sb.ToString();
    }
}
