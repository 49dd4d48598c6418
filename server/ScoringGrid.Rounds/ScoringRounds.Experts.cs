using System.Globalization;
using ScoringGrid.Common;
using ScoringGrid.Rounds.Internal;
using ScoringGrid.Scoring;
using StackExchange.Redis;

namespace ScoringGrid.Rounds;

public sealed partial class ScoringRounds
{
    /// <summary>
    /// Records one expert's score for one expert line of an application (entering it again
    /// replaces that expert's score). Lines scored by several experts count their mean; until every
    /// line has a score the result shows the range of totals still possible. Allowed until the round
    /// is published. Returns the evaluation that followed, which the audit trail keeps.
    /// </summary>
    /// <param name="roundId">The round.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="expertId">Who scores (an expert's id or API key id).</param>
    /// <param name="line">The expert line, e.g. <c>expert.xinchuang</c>.</param>
    /// <param name="score">0 to the line's weight.</param>
    /// <param name="keyId">API key id of the caller.</param>
    public async Task<ApplicationEvaluation> EnterExpertScoreAsync(string roundId, string applicationId, string expertId, string line, double score, string keyId)
    {
        Require("key_id", keyId);
        RoundIds.Other("application_id", applicationId);
        RoundIds.Other("expert_id", expertId);
        var (round, rs) = await LoadAsync(roundId).ConfigureAwait(false);
        if (round.State == RoundState.Published)
        {
            throw RoundErrors.Published(roundId);
        }

        var rule = rs.Rules.FirstOrDefault(r => r.Kind == "expert" && string.Equals(r.Id, line, StringComparison.Ordinal))
            ?? throw RoundErrors.NotExpertLine(line ?? "", rs.Key, string.Join(", ", rs.Rules.Where(static r => r.Kind == "expert").Select(static r => r.Id)));
        if (!double.IsFinite(score) || score < 0 || score > rule.MaxPoints)
        {
            throw RoundErrors.ScoreOutOfRange(line!, score, rule.MaxPoints);
        }

        var (json, _) = await ReadApplicationAsync(roundId, applicationId).ConfigureAwait(false);
        var field = line + ":" + expertId;
        var entries = await Db.HashGetAllAsync(_keys.Experts(roundId, applicationId)).Within(_redis).ConfigureAwait(false);
        var merged = entries.Select(static e => ((string)e.Name!, (double)e.Value))
            .Where(e => !string.Equals(e.Item1, field, StringComparison.Ordinal))
            .Append((field, score));
        var now = _time.GetUtcNow();
        var scored = Evaluate(rs, roundId, applicationId, json, RoundScorer.GroupExperts(merged), await BansAsync().ConfigureAwait(false), now);
        var detail = $"{expertId} {line} = {score.ToString("R", CultureInfo.InvariantCulture)}";
        var record = AuditRecordJson.Write(NewRecord(roundId, applicationId, AuditKinds.ExpertScore, keyId, now, rs, scored, detail));
        var reply = (RedisResult[])(await Db.ScriptEvaluateAsync(RoundScripts.ExpertScore,
            [
                _keys.Round(roundId), _keys.Experts(roundId, applicationId), _keys.App(roundId, applicationId),
                _keys.AuditSequence(roundId), _keys.AuditRecords(roundId), _keys.RoundAudit(roundId), _keys.AppAudit(roundId, applicationId),
            ],
            [field, score, EvalField(rs), scored.Fingerprint, record]).Within(_redis).ConfigureAwait(false))!;
        return (long)reply[0] switch
        {
            -1 => throw RoundErrors.RoundNotFound(roundId),
            -2 => throw RoundErrors.Published(roundId),
            -3 => throw RoundErrors.ApplicationNotFound(roundId, applicationId),
            _ => new ApplicationEvaluation(roundId, applicationId, scored.Result, scored.ResultJson, (long)reply[1]),
        };
    }

    /// <summary>Scores the current submission with the round's expert scores and records the evaluation.</summary>
    public async Task<ApplicationEvaluation> EvaluateAsync(string roundId, string applicationId, string keyId)
    {
        Require("key_id", keyId);
        RoundIds.Other("application_id", applicationId);
        var (_, rs) = await LoadAsync(roundId).ConfigureAwait(false);
        var (json, _) = await ReadApplicationAsync(roundId, applicationId).ConfigureAwait(false);
        var experts = await ReadExpertsAsync(roundId, applicationId).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var scored = Evaluate(rs, roundId, applicationId, json, experts, await BansAsync().ConfigureAwait(false), now);
        var seq = await RecordAsync(roundId, applicationId, AuditKinds.Evaluation, keyId, now, rs, scored, force: true).ConfigureAwait(false);
        return new ApplicationEvaluation(roundId, applicationId, scored.Result, scored.ResultJson, seq);
    }

    private ScoredInput Evaluate(
        CompiledRuleSet rs, string roundId, string applicationId, string json, IReadOnlyDictionary<string, double[]> experts, IDisqualificationRegistry bans, DateTimeOffset at)
    {
        var application = ApplicationJson.Parse(json, out var error) ?? throw RoundErrors.Corrupt(_keys.App(roundId, applicationId), "application");
        return RoundScorer.Score(rs, application, experts, _options, bans, at, out error) ?? throw RoundErrors.Scoring(error!);
    }

    // The bans to score against in async code, refreshed without blocking a thread on Redis
    // (see RedisDisqualificationRegistry.CurrentAsync).
    private Task<IDisqualificationRegistry> BansAsync() =>
        _options.Registry is RedisDisqualificationRegistry redis ? redis.CurrentAsync() : Task.FromResult(_options.Registry);

    private Task<long> RecordAsync(string roundId, string appId, string kind, string keyId, DateTimeOffset at, CompiledRuleSet rs, ScoredInput scored, bool force) =>
        RecordAsync(Db, roundId, appId, kind, keyId, at, rs, scored, force);

    private async Task<long> RecordAsync(
        IDatabaseAsync db, string roundId, string appId, string kind, string keyId, DateTimeOffset at, CompiledRuleSet rs, ScoredInput scored, bool force)
    {
        var record = AuditRecordJson.Write(NewRecord(roundId, appId, kind, keyId, at, rs, scored));
        var seq = (long)await db.ScriptEvaluateAsync(RoundScripts.Record,
            [_keys.App(roundId, appId), _keys.AuditSequence(roundId), _keys.AuditRecords(roundId), _keys.RoundAudit(roundId), _keys.AppAudit(roundId, appId)],
            [EvalField(rs), scored.Fingerprint, record, force ? "1" : "0"]).Within(_redis).ConfigureAwait(false);
        return seq < 0 ? throw RoundErrors.ApplicationNotFound(roundId, appId) : seq;
    }

    private async Task<(string Json, string Profile)> ReadApplicationAsync(string roundId, string applicationId)
    {
        var values = await Db.HashGetAsync(_keys.App(roundId, applicationId), ["json", "profile"]).Within(_redis).ConfigureAwait(false);
        return values[0].IsNull ? throw RoundErrors.ApplicationNotFound(roundId, applicationId) : ((string)values[0]!, (string?)values[1] ?? "");
    }

    private async Task<Dictionary<string, double[]>> ReadExpertsAsync(string roundId, string applicationId)
    {
        var entries = await Db.HashGetAllAsync(_keys.Experts(roundId, applicationId)).Within(_redis).ConfigureAwait(false);
        return RoundScorer.GroupExperts(entries.Select(static e => ((string)e.Name!, (double)e.Value)));
    }
}
