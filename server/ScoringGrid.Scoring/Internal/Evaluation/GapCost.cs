namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// Orders alternative fixes: ticking items is cheapest per item, declaring a figure or flag
/// costs one step, and facts an applicant cannot change (province, dates, bans) cost the most.
/// </summary>
internal static class GapCost
{
    public static double Of(List<Gap> gaps)
    {
        var cost = 0.0;
        foreach (var gap in gaps)
        {
            cost += gap.Kind switch
            {
                GapKinds.Items or GapKinds.Subclasses => gap.Needed - (gap.Current ?? 0),
                GapKinds.Figure => 1 + Shortfall(gap),
                GapKinds.Flag or GapKinds.Expert => 1,
                GapKinds.Deployment => 10,
                _ => 1000,
            };
        }

        return cost;
    }

    // Relative shortfall in [0, 1]: a figure 1 % short is a smaller change than one 90 % short.
    private static double Shortfall(Gap gap) =>
        gap.Needed <= 0 ? 0 : Math.Clamp((gap.Needed - (gap.Current ?? 0)) / gap.Needed, 0, 1);
}
