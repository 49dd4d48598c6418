using System.Text;
using ScoringGrid.Common;
using ScoringGrid.Rounds.Internal;
using ScoringGrid.Scoring;
using StackExchange.Redis;

namespace ScoringGrid.Rounds;

public sealed partial class ScoringRounds
{
    /// <summary>
    /// Submits (or resubmits) an application into an open round. Idempotent on the application id:
    /// a resubmission replaces the current one and both stay in the history; the same bytes again
    /// change nothing. The application is scored on arrival (an unscorable one is refused with the
    /// scoring error) and the submission is audited. Returns only after Redis has it.
    /// </summary>
    /// <param name="roundId">The round.</param>
    /// <param name="applicationJson">The application document (rulebook §0), UTF-8.</param>
    /// <param name="keyId">API key id of the caller.</param>
    /// <param name="profile">Application-form data for the recommendation order; null keeps what is stored.</param>
    public async Task<SubmissionReceipt> SubmitApplicationAsync(string roundId, ReadOnlyMemory<byte> applicationJson, string keyId, ApplicantProfile? profile = null)
    {
        Require("key_id", keyId);
        var (round, rs) = await LoadAsync(roundId).ConfigureAwait(false);
        if (round.State != RoundState.Open)
        {
            throw RoundErrors.NotOpen(roundId, RoundErrors.Name(round.State));
        }

        var application = ApplicationJson.Parse(applicationJson.Span, out var parseError) ?? throw RoundErrors.Scoring(parseError!);
        RoundIds.Other("id", application.Id);
        if (!string.Equals(application.RuleSet, rs.Key, StringComparison.Ordinal) && !string.Equals(application.RuleSet, rs.Id, StringComparison.Ordinal))
        {
            throw RoundErrors.WrongRuleSet(application.RuleSet, rs.Key);
        }

        var appId = application.Id;
        var experts = await ReadExpertsAsync(roundId, appId).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var bans = await BansAsync().ConfigureAwait(false);
        var scored = RoundScorer.Score(rs, application, experts, _options, bans, now, out var scoreError) ?? throw RoundErrors.Scoring(scoreError!);

        var json = Encoding.UTF8.GetString(applicationJson.Span);
        var sha = Sha256Hex.Of(applicationJson.Span);
        var record = AuditRecordJson.Write(NewRecord(roundId, appId, AuditKinds.Submission, keyId, now, rs, scored), open: true);
        var reply = (RedisResult[])(await Db.ScriptEvaluateAsync(RoundScripts.Submit,
            [
                _keys.Round(roundId), _keys.Apps(roundId), _keys.App(roundId, appId), _keys.History(roundId, appId),
                _keys.AuditSequence(roundId), _keys.AuditRecords(roundId), _keys.RoundAudit(roundId), _keys.AppAudit(roundId, appId),
            ],
            [
                appId, sha, json, now.ToUnixTimeMilliseconds(), keyId, ProfileJson.WriteRevision(now, keyId, sha, json), record,
                profile is null ? "" : ProfileJson.Write(profile), EvalField(rs), scored.Fingerprint, Iso(now),
            ]).Within(_redis).ConfigureAwait(false))!;

        switch ((long)reply[0])
        {
            case -1:
                throw RoundErrors.RoundNotFound(roundId);
            case -2:
                throw RoundErrors.NotOpen(roundId, (string)reply[1]!);
            case 0:
                return new SubmissionReceipt(roundId, appId, (int)reply[1], false, true, sha, ParseIso((string)reply[2]!), 0);
        }

        var revision = (int)reply[1];
        RoundsLog.Submitted(_logger, appId, roundId, revision);
        return new SubmissionReceipt(roundId, appId, revision, revision > 1, false, sha, now, (long)reply[2]);
    }

    /// <summary>Submits an application object (written as its JSON document first).</summary>
    public Task<SubmissionReceipt> SubmitApplicationAsync(string roundId, Application application, string keyId, ApplicantProfile? profile = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        return SubmitApplicationAsync(roundId, Encoding.UTF8.GetBytes(ApplicationWriter.ToJson(application)), keyId, profile);
    }

    /// <summary>Every submission of an application, oldest first.</summary>
    public async Task<IReadOnlyList<SubmissionRevision>> GetSubmissionHistoryAsync(string roundId, string applicationId)
    {
        RoundIds.Round(roundId);
        RoundIds.Other("application_id", applicationId);
        var entries = await Db.ListRangeAsync(_keys.History(roundId, applicationId)).Within(_redis).ConfigureAwait(false);
        if (entries.Length == 0)
        {
            throw RoundErrors.ApplicationNotFound(roundId, applicationId);
        }

        var history = new SubmissionRevision[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            history[i] = ProfileJson.ReadRevision(i + 1, entries[i]!);
        }

        return history;
    }

    /// <summary>The ids of a round's applications, earliest first submission first.</summary>
    public async Task<IReadOnlyList<string>> ListApplicationsAsync(string roundId)
    {
        RoundIds.Round(roundId);
        var ids = await Db.SortedSetRangeByRankAsync(_keys.Apps(roundId)).Within(_redis).ConfigureAwait(false);
        return ids.Select(static v => (string)v!).ToArray();
    }

    private static string EvalField(CompiledRuleSet rs) => "eval:" + rs.Digest;

    private static AuditRecord NewRecord(string roundId, string appId, string kind, string keyId, DateTimeOffset at, CompiledRuleSet rs, ScoredInput scored, string detail = "") =>
        new()
        {
            RoundId = roundId,
            Sequence = 0,
            ApplicationId = appId,
            Kind = kind,
            KeyId = keyId,
            At = at,
            RuleSet = rs.Key,
            RuleSetDigest = rs.Digest,
            InputSha256 = scored.InputSha256,
            Input = scored.Input,
            ResultJson = scored.ResultJson,
            Ban = scored.Ban,
            Detail = detail,
        };
}
