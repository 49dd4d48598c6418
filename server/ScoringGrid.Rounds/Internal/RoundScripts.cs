namespace ScoringGrid.Rounds.Internal;

/// <summary>
/// Lua scripts: each runs atomically, so a state check and the writes it guards cannot interleave
/// with another client, and with AOF <c>appendfsync always</c> the reply comes only after the
/// writes are on disk. Audit records are only ever added (HSETNX/RPUSH), never rewritten.
/// </summary>
internal static class RoundScripts
{
    // KEYS: round, rounds index. ARGV: id, rule_set, tenant, title, created_at, created_by.
    // Returns '' when created, else the rule set of the existing round.
    public const string Create = """
        local existing = redis.call('HGET', KEYS[1], 'rule_set')
        if existing then return existing end
        redis.call('HSET', KEYS[1], 'id', ARGV[1], 'rule_set', ARGV[2], 'tenant', ARGV[3], 'title', ARGV[4],
          'state', 'open', 'created_at', ARGV[5], 'created_by', ARGV[6])
        redis.call('SADD', KEYS[2], ARGV[1])
        return ''
        """;

    // KEYS: round. ARGV: expected state, new state, at, key id.
    // Returns '' when the round is missing, 'ok' when moved, else the current state.
    public const string Transition = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return '' end
        if state ~= ARGV[1] then return state end
        redis.call('HSET', KEYS[1], 'state', ARGV[2], 'updated_at', ARGV[3], 'updated_by', ARGV[4])
        return 'ok'
        """;

    // KEYS: round, apps, app, history, audit seq, audit records, round audit, app audit.
    // ARGV: app id, sha256, json, first-seen ms, key id, history entry, audit record (open object),
    //       profile ('' keeps the stored one), eval field, eval fingerprint, at.
    // Returns {-1} no round, {-2, state} not open, {0, revision, at} unchanged, {1, revision, seq} stored.
    public const string Submit = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return {-1, ''} end
        if state ~= 'open' then return {-2, state} end
        if redis.call('HGET', KEYS[3], 'sha256') == ARGV[2] then
          return {0, redis.call('HGET', KEYS[3], 'revision'), redis.call('HGET', KEYS[3], 'last_at')}
        end
        local rev = redis.call('RPUSH', KEYS[4], ARGV[6])
        redis.call('ZADD', KEYS[2], 'NX', ARGV[4], ARGV[1])
        redis.call('HSETNX', KEYS[3], 'first_at', ARGV[4])
        redis.call('HSET', KEYS[3], 'json', ARGV[3], 'sha256', ARGV[2], 'revision', rev, 'last_at', ARGV[11],
          'key_id', ARGV[5], ARGV[9], ARGV[10])
        if ARGV[8] ~= '' then redis.call('HSET', KEYS[3], 'profile', ARGV[8]) end
        local seq = redis.call('INCR', KEYS[5])
        redis.call('HSETNX', KEYS[6], seq, ARGV[7] .. ',"revision":' .. rev .. '}')
        redis.call('RPUSH', KEYS[7], seq)
        redis.call('RPUSH', KEYS[8], seq)
        return {1, rev, seq}
        """;

    // KEYS: app, audit seq, audit records, round audit, app audit.
    // ARGV: eval field, fingerprint, record, force ('1' records even a repeat).
    // Returns -1 when the application is gone, 0 when the same evaluation is on record, else the sequence.
    public const string Record = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        if ARGV[4] ~= '1' and redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return 0 end
        local seq = redis.call('INCR', KEYS[2])
        redis.call('HSETNX', KEYS[3], seq, ARGV[3])
        redis.call('RPUSH', KEYS[4], seq)
        redis.call('RPUSH', KEYS[5], seq)
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        return seq
        """;

    // KEYS: round, experts, app, audit seq, audit records, round audit, app audit.
    // ARGV: field (line:expert), score, eval field, fingerprint, record.
    // Returns {-1} no round, {-2, state} published, {-3} no application, {1, seq} stored.
    public const string ExpertScore = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return {-1, ''} end
        if state == 'published' then return {-2, state} end
        if redis.call('EXISTS', KEYS[3]) == 0 then return {-3, ''} end
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        local seq = redis.call('INCR', KEYS[4])
        redis.call('HSETNX', KEYS[5], seq, ARGV[5])
        redis.call('RPUSH', KEYS[6], seq)
        redis.call('RPUSH', KEYS[7], seq)
        redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
        return {1, seq}
        """;
}
