using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Rounds;

namespace ScoringGrid.Server.Rounds;

/// <summary>Rankings, replays and the recommendation export as <c>scoringgrid.v1</c> messages.</summary>
internal static class RankingMapping
{
    public static V1.RoundRanking ToMessage(RoundRanking r)
    {
        var m = new V1.RoundRanking { RoundId = r.RoundId, RuleSet = r.RuleSet, Mode = ModeName(r.Mode) };
        m.Tiers.AddRange(r.Tiers);
        foreach (var e in r.Entries)
        {
            m.Entries.Add(ToMessage(e));
        }

        m.Excluded.AddRange(r.Excluded);
        AddFailed(m.Failed, r.Failed);
        return m;
    }

    public static string ModeName(RankingMode mode) => mode switch
    {
        RankingMode.TotalScore => "total_score",
        RankingMode.ExpertAmongEligible => "expert_among_eligible",
        _ => "level_then_score",
    };

    public static V1.ReplayReport ToMessage(ReplayReport r)
    {
        var m = new V1.ReplayReport { RoundId = r.RoundId, From = r.From, To = r.To, Compared = r.Compared };
        foreach (var c in r.Changes)
        {
            var change = new V1.ReplayChange
            {
                ApplicationId = c.ApplicationId,
                LevelBefore = c.LevelBefore,
                LevelAfter = c.LevelAfter,
                EligibleBefore = c.EligibleBefore,
                EligibleAfter = c.EligibleAfter,
            };
            if (c.ScoreBefore is { } before) change.ScoreBefore = before;
            if (c.ScoreAfter is { } after) change.ScoreAfter = after;
            foreach (var rule in c.Rules)
            {
                var diff = new V1.CriterionChange { Id = rule.Id, Level = rule.Level, PointsBefore = rule.PointsBefore, PointsAfter = rule.PointsAfter };
                if (rule.PassedBefore is { } passedBefore) diff.PassedBefore = passedBefore;
                if (rule.PassedAfter is { } passedAfter) diff.PassedAfter = passedAfter;
                change.Rules.Add(diff);
            }

            m.Changes.Add(change);
        }

        AddFailed(m.Failed, r.Failed);
        return m;
    }

    public static V1.ExportRecommendationsResponse ToMessage(IReadOnlyList<RecommendationTable> tables)
    {
        var response = new V1.ExportRecommendationsResponse();
        foreach (var t in tables)
        {
            response.Tables.Add(new V1.RecommendationTable
            {
                City = t.City,
                Rows = t.Rows.Count,
                Csv = RecommendationExport.ToCsv(t),
                Json = RecommendationExport.ToJson(t),
            });
        }

        return response;
    }

    private static void AddFailed(Google.Protobuf.Collections.MapField<string, string> to, IReadOnlyDictionary<string, string> failed)
    {
        foreach (var (id, reason) in failed)
        {
            to[id] = reason;
        }
    }

    private static V1.RankedApplication ToMessage(RankedApplication e)
    {
        var m = new V1.RankedApplication
        {
            Rank = e.Rank,
            ApplicationId = e.ApplicationId,
            Name = e.Name,
            CreditCode = e.CreditCode,
            City = e.City,
            Level = e.Level,
            Eligible = e.Eligible,
            FirstSubmittedAt = Timestamp.FromDateTimeOffset(e.FirstSubmittedAt),
        };
        if (e.TotalScore is { } total) m.TotalScore = total;
        if (e.TotalScoreMin is { } min) m.TotalScoreMin = min;
        if (e.TotalScoreMax is { } max) m.TotalScoreMax = max;
        if (e.ExpertScore is { } expert) m.ExpertScore = expert;
        foreach (var h in e.Horizontal)
        {
            m.Horizontal.Add(new V1.HorizontalScore { LineId = h.LineId, Part = h.Part, Value = h.Value, Position = h.Position, Of = h.Of, Tier = h.Tier });
        }

        return m;
    }
}
