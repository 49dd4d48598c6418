namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>At least one part must pass (或者). Gaps name the cheapest part to fix.</summary>
internal sealed class AnyCondition(Condition[] parts) : Condition
{
    public IReadOnlyList<Condition> Parts => parts;

    public override string Text => AllCondition.Join(parts, " or ", static c => c.Text);

    public override string TextZh => AllCondition.Join(parts, "，或 ", static c => c.TextZh);

    public override bool Evaluate(EvaluationInput input, out double observed, out double required)
    {
        observed = required = double.NaN;
        var first = true;
        foreach (var part in parts)
        {
            if (part.Evaluate(input, out var o, out var r))
            {
                observed = o;
                required = r;
                return true;
            }

            if (first)
            {
                observed = o;
                required = r;
                first = false;
            }
        }

        return false;
    }

    public override void Explain(EvaluationInput input, Utf8TextBuilder en, Utf8TextBuilder zh)
    {
        // Alternatives are bracketed so "a or b" reads as one clause, their clauses a list of their own.
        var passed = Evaluate(input, out _, out _);
        Clause(en, passed).Append("any of ["u8);
        Clause(zh, passed).Append("满足其一 ["u8);
        var enclosingEn = en.BeginClauses();
        var enclosingZh = zh.BeginClauses();
        foreach (var part in parts)
        {
            part.Explain(input, en, zh);
        }

        en.EndClauses(enclosingEn);
        zh.EndClauses(enclosingZh);
        en.Append("]"u8);
        zh.Append("]"u8);
    }

    public override void AddGaps(EvaluationInput input, string level, List<Gap> gaps)
    {
        List<Gap>? best = null;
        var bestCost = double.PositiveInfinity;
        foreach (var part in parts)
        {
            var candidate = new List<Gap>();
            part.AddGaps(input, level, candidate);
            var cost = GapCost.Of(candidate);
            if (cost < bestCost)
            {
                best = candidate;
                bestCost = cost;
            }
        }

        if (best is not null)
        {
            gaps.AddRange(best);
        }
    }
}
