using StackExchange.Redis;

namespace ScoringGrid.Rounds.Internal;

/// <summary>
/// The Redis layout (docs in <see cref="ScoringRounds"/>). Every key of a round carries the round id
/// as a hash tag (<c>{id}</c>) so a round's scripts touch one slot, should the deployment shard.
/// </summary>
internal sealed class RoundKeys(string prefix)
{
    public RedisKey RoundsIndex { get; } = prefix + ":rounds";

    public RedisKey Bans { get; } = prefix + ":bans";

    public RedisKey BanLog { get; } = prefix + ":bans:log";

    public RedisKey BanVersion { get; } = prefix + ":bans:version";

    public string Round(string roundId) => $"{prefix}:round:{{{roundId}}}";

    public RedisKey Apps(string roundId) => Round(roundId) + ":apps";

    public RedisKey AuditSequence(string roundId) => Round(roundId) + ":audit:seq";

    public RedisKey AuditRecords(string roundId) => Round(roundId) + ":audit:records";

    public RedisKey RoundAudit(string roundId) => Round(roundId) + ":audit";

    public RedisKey Opinions(string roundId) => Round(roundId) + ":opinions";

    public string App(string roundId, string applicationId) => Round(roundId) + ":app:" + applicationId;

    public RedisKey History(string roundId, string applicationId) => App(roundId, applicationId) + ":history";

    public RedisKey Experts(string roundId, string applicationId) => App(roundId, applicationId) + ":experts";

    public RedisKey AppAudit(string roundId, string applicationId) => App(roundId, applicationId) + ":audit";
}
