using ScoringGrid.Rounds.Internal;
using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds;

public sealed partial class ScoringRounds
{
    /// <summary>
    /// Re-scores the whole round under another version of its rule set and lists who changes
    /// level, eligibility or total score, with the rules (criteria ids per level) that made the
    /// difference. The round itself is not changed; the replayed evaluations are audited as
    /// <see cref="AuditKinds.Replay"/>.
    /// </summary>
    /// <param name="roundId">The round.</param>
    /// <param name="ruleSet">The other version, <c>id@version</c> (the same programme).</param>
    /// <param name="keyId">API key id of the caller.</param>
    public async Task<ReplayReport> ReplayAsync(string roundId, string ruleSet, string keyId = "system")
    {
        Require("key_id", keyId);
        var (round, from) = await LoadAsync(roundId).ConfigureAwait(false);
        if (!_catalog.TryResolve(ruleSet ?? "", out var to, out var error))
        {
            throw RoundErrors.Scoring(error!);
        }

        if (!string.Equals(to.Id, from.Id, StringComparison.Ordinal))
        {
            throw RoundErrors.OtherProgramme(to.Key, from.Key);
        }

        var apps = await LoadApplicationsAsync(roundId).ConfigureAwait(false);
        var (before, failedBefore) = await ScoreRoundAsync(roundId, from, apps, AuditKinds.Evaluation, keyId).ConfigureAwait(false);
        var (after, failedAfter) = await ScoreRoundAsync(roundId, to, apps, AuditKinds.Replay, keyId).ConfigureAwait(false);
        var afterById = after.ToDictionary(static s => s.Stored.Id, StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(failedAfter, StringComparer.Ordinal);
        foreach (var (id, why) in failedBefore)
        {
            failed.TryAdd(id, why);
        }

        var changes = new List<ReplayChange>();
        var compared = 0;
        foreach (var b in before)
        {
            if (!afterById.TryGetValue(b.Stored.Id, out var a))
            {
                continue;
            }

            compared++;
            var rb = b.Scored.Result;
            var ra = a.Scored.Result;
            if (rb.LevelIndex == ra.LevelIndex && rb.Eligible == ra.Eligible && Nullable.Equals(rb.TotalScore, ra.TotalScore))
            {
                continue;
            }

            changes.Add(new ReplayChange(b.Stored.Id, rb.Level, ra.Level, rb.Eligible, ra.Eligible, rb.TotalScore, ra.TotalScore, Differences(rb, ra)));
        }

        changes.Sort(static (x, y) => string.CompareOrdinal(x.ApplicationId, y.ApplicationId));
        RoundsLog.Replayed(_logger, round.Id, to.Key, changes.Count, compared);
        return new ReplayReport(round.Id, from.Key, to.Key, compared, changes, failed);
    }

    // Rules (by id and level) that passed differently, earned different points, or exist under one version only.
    private static List<CriterionChange> Differences(ScoreResult before, ScoreResult after)
    {
        var old = new Dictionary<(string, string), Criterion>();
        foreach (var c in before.Criteria)
        {
            old.TryAdd((c.Id, c.Level), c);
        }

        var changes = new List<CriterionChange>();
        var seen = new HashSet<(string, string)>();
        foreach (var c in after.Criteria)
        {
            var key = (c.Id, c.Level);
            if (!seen.Add(key))
            {
                continue;
            }

            if (!old.TryGetValue(key, out var o))
            {
                changes.Add(new CriterionChange(c.Id, c.Level, null, c.Passed, 0, c.Points));
            }
            else if (o.Passed != c.Passed || o.Points != c.Points)
            {
                changes.Add(new CriterionChange(c.Id, c.Level, o.Passed, c.Passed, o.Points, c.Points));
            }
        }

        foreach (var (key, o) in old)
        {
            if (!seen.Contains(key))
            {
                changes.Add(new CriterionChange(o.Id, o.Level, o.Passed, null, o.Points, 0));
            }
        }

        return changes;
    }
}
