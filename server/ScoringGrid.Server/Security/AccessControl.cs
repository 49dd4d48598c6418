using ScoringGrid.Server.Scoring;

namespace ScoringGrid.Server.Security;

/// <summary>
/// One check for every transport: the key (UNAUTHENTICATED), its scope (PERMISSION_DENIED) and
/// its rate limit (RESOURCE_EXHAUSTED), in that order.
/// </summary>
internal sealed class AccessControl(ApiKeyAuthenticator authenticator)
{
    public bool IsOpen => !authenticator.IsEnabled;

    /// <summary>The caller when it holds any one of <paramref name="required"/> (usually a single scope).</summary>
    public AccessDecision Check(string? authorization, ApiScope required)
    {
        var caller = authenticator.Authenticate(authorization);
        if (caller is null)
        {
            return new AccessDecision(null, StatusNames.Unauthenticated,
                authorization is null ? "missing API key: send 'authorization: Bearer <key>'" : "unknown API key");
        }

        if (!caller.HasAny(required))
        {
            return new AccessDecision(null, StatusNames.PermissionDenied, $"API key '{caller.KeyId}' lacks the {Names(required)} scope");
        }

        if (caller.RateLimit is { } bucket && !bucket.TryTake())
        {
            return new AccessDecision(null, StatusNames.ResourceExhausted, $"API key '{caller.KeyId}' is over its rate limit");
        }

        return new AccessDecision(caller, "", "");
    }

    // "'admin'" or "'admin' or 'expert'": scope names as configured.
    private static string Names(ApiScope scopes) =>
        "'" + scopes.ToString().ToLowerInvariant().Replace(", ", "' or '", StringComparison.Ordinal) + "'";
}

/// <summary>The caller when allowed; otherwise the gRPC status name and message to answer with.</summary>
internal readonly record struct AccessDecision(CallerIdentity? Caller, string Code, string Message);
