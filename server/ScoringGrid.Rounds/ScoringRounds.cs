using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ScoringGrid.Common;
using ScoringGrid.Rounds.Internal;
using ScoringGrid.Scoring;
using StackExchange.Redis;

namespace ScoringGrid.Rounds;

/// <summary>
/// Rounds of applications on Redis: submissions, expert scores, ranking, replay, the audit trail
/// and the recommendation export. Thread-safe. Every write is one Lua script, so it is atomic and,
/// with AOF <c>appendfsync always</c>, acknowledged only once on disk.
/// </summary>
/// <remarks>
/// Redis layout, <c>P</c> the key prefix and <c>{R}</c> the round id as a hash tag:
/// <list type="bullet">
/// <item><c>P:rounds</c> set of round ids; <c>P:round:{R}</c> hash (rule_set, tenant, title, state, created_at, …).</item>
/// <item><c>P:round:{R}:apps</c> sorted set: application id scored by first submission (unix ms).</item>
/// <item><c>P:round:{R}:app:A</c> hash: current json, sha256, revision, first_at, last_at, key_id, profile, <c>eval:&lt;digest&gt;</c>.</item>
/// <item><c>P:round:{R}:app:A:history</c> list: every submission, oldest first (index + 1 = revision).</item>
/// <item><c>P:round:{R}:app:A:experts</c> hash <c>line:expert</c> → score.</item>
/// <item><c>P:round:{R}:audit:seq</c> counter; <c>P:round:{R}:audit:records</c> hash sequence → record JSON;
/// <c>P:round:{R}:audit</c> and <c>P:round:{R}:app:A:audit</c> lists of sequences (append-only).</item>
/// <item><c>P:round:{R}:opinions</c> hash application → the city's recommendation opinion.</item>
/// </list>
/// </remarks>
public sealed partial class ScoringRounds
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RuleSetCatalog _catalog;
    private readonly RoundsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RoundKeys _keys;

    /// <summary>Creates the service over a Redis connection.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="catalog">Rule sets rounds may pin, replay to and re-derive with.</param>
    /// <param name="options">Key prefix, fraud registry, provider pool; defaults when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">Where to log; nothing when null.</param>
    public ScoringRounds(
        IConnectionMultiplexer redis, RuleSetCatalog catalog, RoundsOptions? options = null, TimeProvider? timeProvider = null, ILogger<ScoringRounds>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(catalog);
        _redis = redis;
        _catalog = catalog;
        _options = options ?? RoundsOptions.Default;
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _keys = new RoundKeys(_options.KeyPrefix);
    }

    private IDatabase Db => _redis.GetDatabase();

    /// <summary>
    /// Creates an open round pinned to <paramref name="ruleSet"/> (<c>id</c> pins the newest version).
    /// Creating the same round again returns it; another rule set under the same id is ALREADY_EXISTS.
    /// </summary>
    /// <param name="roundId">Round id: letters, digits, <c>.</c>, <c>_</c>, <c>-</c>.</param>
    /// <param name="ruleSet"><c>id</c> or <c>id@version</c>.</param>
    /// <param name="keyId">API key id of the caller.</param>
    /// <param name="tenant">The caller's province; must own the rule set when given.</param>
    /// <param name="title">Free text.</param>
    public async Task<Round> CreateRoundAsync(string roundId, string ruleSet, string keyId, string? tenant = null, string title = "")
    {
        RoundIds.Round(roundId);
        Require("key_id", keyId);
        if (!_catalog.TryResolve(ruleSet ?? "", out var rs, out var error))
        {
            throw RoundErrors.Scoring(error!);
        }

        if (!string.IsNullOrEmpty(tenant) && rs.Province.Length > 0 && !string.Equals(tenant, rs.Province, StringComparison.Ordinal))
        {
            throw RoundErrors.WrongTenant(tenant, rs.Province, rs.Key);
        }

        var now = _time.GetUtcNow();
        var existing = (string?)await Db.ScriptEvaluateAsync(RoundScripts.Create, [_keys.Round(roundId), _keys.RoundsIndex],
            [roundId, rs.Key, rs.Province.Length > 0 ? rs.Province : tenant ?? "", title ?? "", Iso(now), keyId]).Within(_redis).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(existing) && !string.Equals(existing, rs.Key, StringComparison.Ordinal))
        {
            throw RoundErrors.RoundExists(roundId, existing);
        }

        if (string.IsNullOrEmpty(existing))
        {
            RoundsLog.RoundCreated(_logger, roundId, rs.Key, keyId);
        }

        return await GetRoundAsync(roundId).ConfigureAwait(false);
    }

    /// <summary>The round, or NOT_FOUND.</summary>
    public async Task<Round> GetRoundAsync(string roundId)
    {
        RoundIds.Round(roundId);
        var fields = await Db.HashGetAllAsync(_keys.Round(roundId)).Within(_redis).ConfigureAwait(false);
        return fields.Length == 0 ? throw RoundErrors.RoundNotFound(roundId) : ToRound(fields);
    }

    /// <summary>Every round, by id.</summary>
    public async Task<IReadOnlyList<Round>> ListRoundsAsync()
    {
        var ids = (await Db.SetMembersAsync(_keys.RoundsIndex).Within(_redis).ConfigureAwait(false)).Select(static v => (string)v!).Order(StringComparer.Ordinal);
        var rounds = new List<Round>();
        foreach (var id in ids)
        {
            rounds.Add(await GetRoundAsync(id).ConfigureAwait(false));
        }

        return rounds;
    }

    /// <summary>Moves a round one step forward (open → closed → published); repeating the current state is a no-op.</summary>
    public async Task<Round> TransitionAsync(string roundId, RoundState to, string keyId)
    {
        Require("key_id", keyId);
        var round = await GetRoundAsync(roundId).ConfigureAwait(false);
        if (round.State == to)
        {
            return round;
        }

        if ((int)to != (int)round.State + 1)
        {
            throw RoundErrors.BadTransition(roundId, round.State, to);
        }

        var reply = (string?)await Db.ScriptEvaluateAsync(RoundScripts.Transition, [_keys.Round(roundId)],
            [RoundErrors.Name(round.State), RoundErrors.Name(to), Iso(_time.GetUtcNow()), keyId]).Within(_redis).ConfigureAwait(false);
        if (reply != "ok")
        {
            // Someone moved it meanwhile; report from the state it is in now.
            var now = await GetRoundAsync(roundId).ConfigureAwait(false);
            return now.State == to ? now : throw RoundErrors.BadTransition(roundId, now.State, to);
        }

        RoundsLog.RoundTransitioned(_logger, roundId, RoundErrors.Name(to), keyId);
        return round with { State = to };
    }

    /// <summary>Closes an open round: no more submissions.</summary>
    public Task<Round> CloseRoundAsync(string roundId, string keyId) => TransitionAsync(roundId, RoundState.Closed, keyId);

    /// <summary>Publishes a closed round: nothing changes any more.</summary>
    public Task<Round> PublishRoundAsync(string roundId, string keyId) => TransitionAsync(roundId, RoundState.Published, keyId);

    private async Task<(Round Round, CompiledRuleSet RuleSet)> LoadAsync(string roundId)
    {
        var round = await GetRoundAsync(roundId).ConfigureAwait(false);
        return _catalog.TryResolve(round.RuleSet, out var rs, out var error) ? (round, rs) : throw RoundErrors.Scoring(error!);
    }

    private static Round ToRound(HashEntry[] fields)
    {
        var map = fields.ToDictionary(static f => (string)f.Name!, static f => (string)f.Value!, StringComparer.Ordinal);
        string Get(string name) => map.TryGetValue(name, out var v) ? v : "";
        var state = Get("state") switch
        {
            "open" => RoundState.Open,
            "closed" => RoundState.Closed,
            _ => RoundState.Published,
        };
        return new Round(Get("id"), Get("rule_set"), Get("tenant"), Get("title"), state, ParseIso(Get("created_at")), Get("created_by"));
    }

    private static void Require(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw RoundErrors.Required(field);
        }
    }

    internal static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ParseIso(string text) =>
        text.Length == 0 ? default : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
