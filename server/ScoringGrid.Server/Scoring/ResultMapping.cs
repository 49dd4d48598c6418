using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring;

/// <summary>Core results and rule sets as <c>scoringgrid.v1</c> messages (same field names as the core's JSON).</summary>
internal static class ResultMapping
{
    /// <param name="r">The core's result.</param>
    /// <param name="withTexts">False for the SCORES view: numbers only, no explanation texts and no gap report.</param>
    public static V1.ScoreResult ToMessage(ScoreResult r, bool withTexts = true)
    {
        var m = new V1.ScoreResult
        {
            RuleSet = r.RuleSetId,
            Version = r.Version,
            Digest = r.Digest,
            ApplicationId = r.ApplicationId,
            Level = r.Level,
            Eligible = r.Eligible,
        };
        if (r.SelfScore is { } self) m.SelfScore = self;
        if (r.ExpertScore is { } expert) m.ExpertScore = expert;
        if (r.TotalScore is { } total) m.TotalScore = total;
        if (r.TotalScoreMin is { } min) m.TotalScoreMin = min;
        if (r.TotalScoreMax is { } max) m.TotalScoreMax = max;
        if (r.SubsidyYuan is { } subsidy) m.SubsidyYuan = subsidy;
        m.Priorities.AddRange(r.Priorities);
        for (var i = 0; i < r.Criteria.Count; i++)
        {
            var c = r.Criteria[i];
            var explanation = "";
            var explanationZh = "";
            if (withTexts && r.RuleSet.SameOutcomeAs(i) is >= 0 and var same)
            {
                // The same rule checked the same way at an earlier level: the same texts.
                (explanation, explanationZh) = (m.Criteria[same].Explanation, m.Criteria[same].ExplanationZh);
            }
            else if (withTexts)
            {
                c.GetExplanations(out explanation, out explanationZh);
            }

            var criterion = new V1.Criterion
            {
                Id = c.Id,
                Level = c.Level,
                Kind = c.Kind,
                Passed = c.Passed,
                Required = c.Required,
                Points = c.Points,
                MaxPoints = c.MaxPoints,
                Explanation = explanation,
                ExplanationZh = explanationZh,
            };
            if (c.Observed is { } observed)
            {
                criterion.Observed = observed;
            }

            m.Criteria.Add(criterion);
        }

        foreach (var g in withTexts ? r.Gaps : [])
        {
            var gap = new V1.Gap { Level = g.Level, Kind = g.Kind, Target = g.Target, Needed = g.Needed, Text = g.Text, TextZh = g.TextZh };
            if (g.Current is { } current)
            {
                gap.Current = current;
            }

            m.Gaps.Add(gap);
        }

        m.Notes.AddRange(r.Notes);
        return m;
    }

    public static V1.Error ToMessage(ScoringError e) => new() { Code = e.Code, Field = e.Field, Message = e.Message };
}
