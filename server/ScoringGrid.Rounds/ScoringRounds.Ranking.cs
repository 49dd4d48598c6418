using System.Diagnostics;
using ScoringGrid.Rounds.Internal;
using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds;

public sealed partial class ScoringRounds
{
    /// <summary>
    /// Scores every application of the round with its expert scores and orders them (see
    /// <see cref="RankingMode"/> and the tie rule on <see cref="RoundRanking"/>); Zhejiang rounds
    /// also get horizontal scores per line. Evaluations are audited, repeats of one on record skipped.
    /// </summary>
    /// <param name="roundId">The round.</param>
    /// <param name="keyId">API key id of the caller (recorded with the evaluations).</param>
    public async Task<RoundRanking> RankRoundAsync(string roundId, string keyId = "system")
    {
        var (ranking, _) = await RankCoreAsync(roundId, keyId).ConfigureAwait(false);
        return ranking;
    }

    /// <summary>The mode a rule set ranks by.</summary>
    public static RankingMode ModeOf(CompiledRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (ruleSet.Levels.Count == 0)
        {
            return ruleSet.IsScored ? RankingMode.TotalScore : RankingMode.LevelThenScore;
        }

        return ruleSet.Rules.Any(static r => r.Kind == "expert") ? RankingMode.ExpertAmongEligible : RankingMode.LevelThenScore;
    }

    private async Task<(RoundRanking Ranking, Dictionary<string, ScoredApplication> ById)> RankCoreAsync(string roundId, string keyId)
    {
        Require("key_id", keyId);
        var clock = Stopwatch.StartNew();
        var (round, rs) = await LoadAsync(roundId).ConfigureAwait(false);
        var apps = await LoadApplicationsAsync(roundId).ConfigureAwait(false);
        var (scored, failed) = await ScoreRoundAsync(roundId, rs, apps, AuditKinds.Evaluation, keyId).ConfigureAwait(false);
        var mode = ModeOf(rs);

        var entries = new RankEntry[scored.Count];
        var excluded = new List<string>();
        var n = 0;
        for (var i = 0; i < scored.Count; i++)
        {
            var r = scored[i].Scored.Result;
            if (mode == RankingMode.ExpertAmongEligible && !r.Eligible)
            {
                excluded.Add(scored[i].Stored.Id);
                continue;
            }

            entries[n++] = new RankEntry
            {
                Group = mode == RankingMode.TotalScore && r.Eligible ? 1 : 0,
                Primary = mode switch
                {
                    RankingMode.TotalScore => r.TotalScore ?? double.NegativeInfinity,
                    RankingMode.ExpertAmongEligible => r.ExpertScore ?? 0,
                    _ => r.LevelIndex,
                },
                Secondary = mode == RankingMode.LevelThenScore ? r.TotalScore ?? 0 : 0,
                FirstSubmittedMs = scored[i].Stored.FirstSubmittedMs,
                ApplicationId = scored[i].Stored.Id,
                Index = i,
            };
        }

        Array.Resize(ref entries, n);
        RoundRanker.Rank(entries);
        var horizontal = Horizontal(rs, scored);
        var ranked = new RankedApplication[n];
        for (var k = 0; k < n; k++)
        {
            var s = scored[entries[k].Index];
            var r = s.Scored.Result;
            var applicant = s.Scored.Application.Applicant;
            ranked[k] = new RankedApplication
            {
                Rank = k + 1,
                ApplicationId = s.Stored.Id,
                Name = applicant.Name,
                CreditCode = applicant.CreditCode,
                City = applicant.City,
                Level = r.Level,
                Eligible = r.Eligible,
                TotalScore = r.TotalScore,
                TotalScoreMin = r.TotalScoreMin,
                TotalScoreMax = r.TotalScoreMax,
                ExpertScore = r.ExpertScore,
                FirstSubmittedAt = DateTimeOffset.FromUnixTimeMilliseconds(s.Stored.FirstSubmittedMs),
                Horizontal = horizontal?[entries[k].Index] ?? [],
            };
        }

        RoundsLog.Ranked(_logger, roundId, n, excluded.Count, failed.Count, clock.ElapsedMilliseconds);
        var byId = scored.ToDictionary(static s => s.Stored.Id, StringComparer.Ordinal);
        return (new RoundRanking(round.Id, rs.Key, mode, rs.RankingTiers, ranked, excluded, failed), byId);
    }

    // Per application (same order as scored), its horizontal scores; null when the programme has none.
    private static HorizontalScore[][]? Horizontal(CompiledRuleSet rs, List<ScoredApplication> scored)
    {
        var metrics = HorizontalLines.For(rs.Id);
        if (metrics.Count == 0 || rs.RankingTiers.Count == 0)
        {
            return null;
        }

        var count = scored.Count;
        var values = new double[count];
        var positions = new int[count];
        var tiers = new int[count];
        var result = new HorizontalScore[count][];
        for (var i = 0; i < count; i++)
        {
            result[i] = new HorizontalScore[metrics.Count];
        }

        for (var m = 0; m < metrics.Count; m++)
        {
            var metric = metrics[m];
            for (var i = 0; i < count; i++)
            {
                values[i] = metric.Evaluate(scored[i].Scored.Application);
            }

            var of = HorizontalTiers.Assign(values, rs.RankingTiers, positions, tiers);
            for (var i = 0; i < count; i++)
            {
                result[i][m] = new HorizontalScore(metric.LineId, metric.Part, values[i], positions[i], double.IsNaN(values[i]) ? 0 : of, tiers[i]);
            }
        }

        return result;
    }
}
