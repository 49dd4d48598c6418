namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// Scores of scored programmes. Line points are exact until the end; then each part (self,
/// expert) is rounded once to 2 decimals and its cents are split over its lines by largest
/// remainder, so the points shown in the criteria add up exactly to the totals shown.
/// </summary>
internal static class Totals
{
    public static void Apply(CompiledRuleSet rs, ScoreResult result)
    {
        var criteria = result.CriteriaBuffer;
        var selfCents = RoundPart(criteria, expert: false);
        var expertCents = RoundPart(criteria, expert: true);
        if (rs.HasSelfLines)
        {
            result.SelfScore = selfCents / 100.0;
        }

        result.TotalScore = (selfCents + expertCents) / 100.0;
        if (rs.ExpertLines.Length == 0)
        {
            return;
        }

        result.ExpertScore = expertCents / 100.0;
        long missingCents = 0;
        foreach (var line in rs.ExpertLines)
        {
            if (double.IsNaN(result.Input.ExpertMeans[line.ExpertIndex]))
            {
                missingCents += (long)Math.Round(line.Weight * 100);
            }
        }

        if (missingCents > 0)
        {
            result.TotalScoreMin = result.TotalScore;
            result.TotalScoreMax = (selfCents + expertCents + missingCents) / 100.0;
        }
    }

    private static bool InPart(in Criterion c, bool expert) =>
        expert ? c.Definition is ExpertLineCriterion : c.Definition is RatioLineCriterion;

    private static long RoundPart(Criterion[] criteria, bool expert)
    {
        Span<long> cents = criteria.Length <= 256 ? stackalloc long[criteria.Length] : new long[criteria.Length];
        Span<double> remainder = criteria.Length <= 256 ? stackalloc double[criteria.Length] : new double[criteria.Length];
        var exact = 0.0;
        long floorSum = 0;
        var any = false;
        for (var i = 0; i < criteria.Length; i++)
        {
            if (!InPart(criteria[i], expert))
            {
                continue;
            }

            any = true;
            var raw = criteria[i].Points * 100;
            exact += criteria[i].Points;
            // The epsilon keeps a value like 2.9999999999999996 (float noise for 3) from flooring to 299 cents.
            cents[i] = (long)Math.Floor(raw + 1e-7);
            remainder[i] = raw - cents[i];
            floorSum += cents[i];
        }

        if (!any)
        {
            return 0;
        }

        // Half a cent rounds up (points are never negative). The same epsilon as above: a sum that is exactly
        // x.xx5 often arrives as x.xx4999999999999 (e.g. 7.125 from means of thirds) and must not round down.
        var total = (long)Math.Floor(exact * 100 + 0.5 + 1e-7);
        for (var spare = total - floorSum; spare != 0; spare -= Math.Sign(spare))
        {
            var pick = -1;
            for (var i = 0; i < criteria.Length; i++)
            {
                if (InPart(criteria[i], expert) && (pick < 0 || (spare > 0 ? remainder[i] > remainder[pick] : remainder[i] < remainder[pick])))
                {
                    pick = i;
                }
            }

            cents[pick] += Math.Sign(spare);
            // Each line takes at most one cent from the split.
            remainder[pick] = spare > 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }

        for (var i = 0; i < criteria.Length; i++)
        {
            if (InPart(criteria[i], expert))
            {
                criteria[i] = criteria[i].WithPoints(cents[i] / 100.0);
            }
        }

        return total;
    }
}
