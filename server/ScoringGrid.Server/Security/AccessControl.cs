using System.Globalization;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.Scoring;

namespace ScoringGrid.Server.Security;

/// <summary>
/// One check for every transport: the key (UNAUTHENTICATED), its scope (PERMISSION_DENIED) and
/// its rate limit (RESOURCE_EXHAUSTED, with the time after which a retry will pass), in that order.
/// </summary>
internal sealed class AccessControl(ApiKeyAuthenticator authenticator, ServerMetrics metrics)
{
    public bool IsOpen => !authenticator.IsEnabled;

    /// <summary>
    /// The caller when it holds any one of <paramref name="required"/> (usually a single scope) and
    /// its rate limit has <paramref name="cost"/> tokens left; a cost of 0 leaves the charging to
    /// the handler (<see cref="Charge"/>, or <see cref="Pace"/> for a paced stream).
    /// </summary>
    public AccessDecision Check(string? authorization, ApiScope required, int cost = 1)
    {
        var caller = authenticator.Authenticate(authorization);
        if (caller is null)
        {
            return AccessDecision.Refused(null, StatusNames.Unauthenticated,
                authorization is null ? "missing API key: send 'authorization: Bearer <key>'" : "unknown API key");
        }

        if (!caller.HasAny(required))
        {
            return AccessDecision.Refused(caller, StatusNames.PermissionDenied, $"API key '{caller.KeyId}' lacks the {Names(required)} scope");
        }

        return cost > 0 ? Charge(caller, cost) : AccessDecision.Allowed(caller);
    }

    /// <summary>Takes <paramref name="count"/> tokens (calls or applications) from the caller's rate limit.</summary>
    public AccessDecision Charge(CallerIdentity caller, int count)
    {
        if (caller.RateLimit is not { } bucket || bucket.TryTake(count, out var retryAfter))
        {
            return AccessDecision.Allowed(caller);
        }

        metrics.RateLimitRefused(caller.KeyId);

        string limit = Invariant($"rate {bucket.RatePerSecond:0.######}/s, burst {bucket.Burst:0.######}");
        if (retryAfter == Timeout.InfiniteTimeSpan)
        {
            return AccessDecision.Refused(caller, StatusNames.ResourceExhausted, Invariant(
                $"API key '{caller.KeyId}' may send at most {Math.Floor(bucket.Burst):0} per batch ({limit}); this batch has {count} applications: send smaller batches, or use EvaluateStream, which is paced to the key's rate"));
        }

        // Whole milliseconds, rounded up: what the gRPC pushback trailer carries, so the text agrees with it.
        var wait = TimeSpan.FromMilliseconds(Math.Ceiling(retryAfter.TotalMilliseconds));
        return new AccessDecision(caller, false, StatusNames.ResourceExhausted,
            Invariant($"API key '{caller.KeyId}' is over its rate limit ({limit}); retry after {wait.TotalSeconds:0.###} s"), wait);
    }

    /// <summary>
    /// Takes <paramref name="count"/> tokens for a paced stream, borrowing ahead if need be, and
    /// returns how long the stream must wait before it uses them (zero without a limit).
    /// </summary>
    public TimeSpan Pace(CallerIdentity caller, int count)
    {
        if (caller.RateLimit is not { } bucket || bucket.Take(count) is not { Ticks: > 0 } wait)
        {
            return TimeSpan.Zero;
        }

        metrics.RateLimitPaced(caller.KeyId, wait);
        return wait;
    }

    // "'admin'" or "'admin' or 'expert'": scope names as configured.
    private static string Names(ApiScope scopes) =>
        "'" + scopes.ToString().ToLowerInvariant().Replace(", ", "' or '", StringComparison.Ordinal) + "'";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The key presented, when it is a configured one, and whether it may make the call; when it may
/// not, the gRPC status name and message to answer with, and, when only the rate limit refused,
/// how long until the same call would pass. A refusal keeps its key so that it counts against it.
/// </summary>
internal readonly record struct AccessDecision(CallerIdentity? Key, bool IsAllowed, string Code, string Message, TimeSpan? RetryAfter)
{
    /// <summary>The caller when the call is allowed; null when it was refused.</summary>
    public CallerIdentity? Caller => IsAllowed ? Key : null;

    public static AccessDecision Allowed(CallerIdentity caller) => new(caller, true, "", "", null);

    public static AccessDecision Refused(CallerIdentity? key, string code, string message) => new(key, false, code, message, null);
}
