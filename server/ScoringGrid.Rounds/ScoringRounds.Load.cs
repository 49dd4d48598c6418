using ScoringGrid.Common;
using ScoringGrid.Rounds.Internal;
using ScoringGrid.Scoring;
using StackExchange.Redis;

namespace ScoringGrid.Rounds;

public sealed partial class ScoringRounds
{
    // Reads a whole round in pipelined batches, earliest first submission first.
    private async Task<List<StoredApplication>> LoadApplicationsAsync(string roundId)
    {
        var db = Db;
        var ids = await db.SortedSetRangeByRankWithScoresAsync(_keys.Apps(roundId)).Within(_redis).ConfigureAwait(false);
        var all = new List<StoredApplication>(ids.Length);
        for (var start = 0; start < ids.Length; start += _options.BatchSize)
        {
            var count = Math.Min(_options.BatchSize, ids.Length - start);
            var docs = new Task<RedisValue[]>[count];
            var experts = new Task<HashEntry[]>[count];
            for (var i = 0; i < count; i++)
            {
                var id = (string)ids[start + i].Element!;
                docs[i] = db.HashGetAsync(_keys.App(roundId, id), ["json", "profile"]);
                experts[i] = db.HashGetAllAsync(_keys.Experts(roundId, id));
            }

            for (var i = 0; i < count; i++)
            {
                var id = (string)ids[start + i].Element!;
                var doc = await docs[i].Within(_redis).ConfigureAwait(false);
                var entries = await experts[i].Within(_redis).ConfigureAwait(false);
                if (doc[0].IsNull)
                {
                    throw RoundErrors.Corrupt(_keys.App(roundId, id), "application");
                }

                all.Add(new StoredApplication(id, doc[0]!, (string?)doc[1] ?? "", (long)ids[start + i].Score,
                    RoundScorer.GroupExperts(entries.Select(static e => ((string)e.Name!, (double)e.Value)))));
            }
        }

        return all;
    }

    // Scores every application under rs at one instant and audits the evaluations (repeats skipped).
    private async Task<(List<ScoredApplication> Scored, Dictionary<string, string> Failed)> ScoreRoundAsync(
        string roundId, CompiledRuleSet rs, IReadOnlyList<StoredApplication> apps, string kind, string keyId)
    {
        var now = _time.GetUtcNow();
        var bans = await BansAsync().ConfigureAwait(false);
        var scored = new List<ScoredApplication>(apps.Count);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var app in apps)
        {
            var application = ApplicationJson.Parse(app.Json, out var error);
            var result = application is null ? null : RoundScorer.Score(rs, application, app.Experts, _options, bans, now, out error);
            if (result is null)
            {
                failed[app.Id] = error?.Message ?? "unreadable";
                RoundsLog.Unscorable(_logger, app.Id, roundId, failed[app.Id]);
                continue;
            }

            scored.Add(new ScoredApplication(app, result));
        }

        var db = Db;
        for (var start = 0; start < scored.Count; start += _options.BatchSize)
        {
            var count = Math.Min(_options.BatchSize, scored.Count - start);
            var calls = new Task<long>[count];
            for (var i = 0; i < count; i++)
            {
                var s = scored[start + i];
                calls[i] = RecordAsync(db, roundId, s.Stored.Id, kind, keyId, now, rs, s.Scored, force: false);
            }

            await Task.WhenAll(calls).ConfigureAwait(false);
        }

        return (scored, failed);
    }
}
