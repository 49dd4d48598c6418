using System.Buffers;
using System.Globalization;
using System.Text;
using ScoringGrid.Common;
using ScoringGrid.Rounds.Internal;
using ScoringGrid.Scoring;
using StackExchange.Redis;

namespace ScoringGrid.Rounds;

public sealed partial class ScoringRounds
{
    /// <summary>The round's audit trail, oldest first; <paramref name="start"/> and <paramref name="count"/> page it.</summary>
    public Task<IReadOnlyList<AuditRecord>> GetAuditTrailAsync(string roundId, long start = 0, long count = long.MaxValue)
    {
        RoundIds.Round(roundId);
        return ReadTrailAsync(roundId, _keys.RoundAudit(roundId), start, count);
    }

    /// <summary>One application's audit trail within a round, oldest first.</summary>
    public Task<IReadOnlyList<AuditRecord>> GetAuditTrailAsync(string roundId, string applicationId, long start = 0, long count = long.MaxValue)
    {
        RoundIds.Round(roundId);
        RoundIds.Other("application_id", applicationId);
        return ReadTrailAsync(roundId, _keys.AppAudit(roundId, applicationId), start, count);
    }

    /// <summary>One audit record by its sequence, or NOT_FOUND.</summary>
    public async Task<AuditRecord> GetAuditRecordAsync(string roundId, long sequence)
    {
        RoundIds.Round(roundId);
        var json = await Db.HashGetAsync(_keys.AuditRecords(roundId), sequence).Within(_redis).ConfigureAwait(false);
        return json.IsNull
            ? throw new RoundsException(RoundsErrorCodes.NotFound, "sequence", $"round '{roundId}' has no audit record {sequence}")
            : AuditRecordJson.Read(sequence, json!);
    }

    /// <summary>
    /// Scores the record's stored input again, under the exact rule set it names (same digest), at
    /// the recorded time and with the ban the registry reported then, and compares the result JSON.
    /// </summary>
    public Task<Rederivation> RederiveAsync(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!_catalog.TryResolve(record.RuleSet, out var rs, out _) || !string.Equals(rs.Digest, record.RuleSetDigest, StringComparison.Ordinal))
        {
            throw RoundErrors.RuleSetUnavailable(record.RuleSet, record.RuleSetDigest);
        }

        var intact = string.Equals(Sha256Hex.Of(record.Input), record.InputSha256, StringComparison.Ordinal);
        var scored = RoundScorer.ScoreInput(rs, record.Input, new SnapshotRegistry(record.Ban), _options.ProviderPool, record.At, out var error);
        var json = scored?.ResultJson ?? ErrorJson(error!, record.ApplicationId);
        return Task.FromResult(new Rederivation(record, json, intact, intact && string.Equals(json, record.ResultJson, StringComparison.Ordinal)));
    }

    private static string ErrorJson(ScoringError error, string applicationId)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = ScoreResultJson.CreateWriter(buffer))
        {
            ScoreResultJson.WriteError(w, error, applicationId);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private async Task<IReadOnlyList<AuditRecord>> ReadTrailAsync(string roundId, RedisKey list, long start, long count)
    {
        var stop = count >= long.MaxValue - start ? -1 : start + count - 1;
        var sequences = await Db.ListRangeAsync(list, start, stop).Within(_redis).ConfigureAwait(false);
        if (sequences.Length == 0)
        {
            return [];
        }

        var jsons = await Db.HashGetAsync(_keys.AuditRecords(roundId), sequences).Within(_redis).ConfigureAwait(false);
        var records = new AuditRecord[sequences.Length];
        for (var i = 0; i < sequences.Length; i++)
        {
            var seq = long.Parse((string)sequences[i]!, CultureInfo.InvariantCulture);
            records[i] = jsons[i].IsNull ? throw RoundErrors.Corrupt(_keys.AuditRecords(roundId), $"audit record {seq}") : AuditRecordJson.Read(seq, jsons[i]!);
        }

        return records;
    }
}
