using System.Collections.Concurrent;
using System.Globalization;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.Rounds;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Grpc;

/// <summary>
/// Every gRPC call: counted in the metrics, and, for the ScoringGrid services, checked for an API
/// key with the method's scope and within its rate limit. Health and reflection stay open.
/// </summary>
internal sealed class ApiKeyInterceptor(AccessControl access, ServerMetrics metrics) : IGrpcCallInterceptor
{
    // What a method needs, worked out on its first call: only registered methods reach an
    // interceptor, so this holds one entry per method the server maps.
    private readonly ConcurrentDictionary<string, MethodPolicy> _policies = new(StringComparer.Ordinal);

    public ValueTask<Status?> OnCallStartingAsync(ServerCallContext context)
    {
        metrics.CallStarted();
        var policy = PolicyOf(context.Method);
        if (!policy.NeedsKey)
        {
            return ValueTask.FromResult<Status?>(null);
        }

        // Straight from the HTTP headers: building the full Metadata per call would allocate for nothing.
        var header = context.HttpContext.Request.Headers.Authorization;
        var authorization = header.Count > 0 ? header.ToString() : null;
        var decision = access.Check(authorization, policy.Scope, policy.Cost);
        // A refused call keeps the key it was refused for, so that the refusal counts against that
        // key in the metrics; its handler never runs.
        context.Caller = decision.Key;
        if (decision.Caller is null)
        {
            var refusal = new Status(ScoringGrpcService.StatusCodes(decision.Code), decision.Message);
            if (decision.RetryAfter is { } wait)
            {
                // gRPC's server pushback (retry design A6): a client with a retry policy waits this long.
                context.ResponseTrailers.Add(GrpcProtocol.RetryPushbackTrailer, ((long)wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
                ErrorDetails.AddRetryInfo(context.ResponseTrailers, refusal, wait);
            }

            return ValueTask.FromResult<Status?>(refusal);
        }

        return ValueTask.FromResult<Status?>(null);
    }

    public void OnCallCompleted(ServerCallContext context, Status status, TimeSpan elapsed) =>
        metrics.CallEnded(PolicyOf(context.Method).Series, context.Caller as CallerIdentity, status.StatusCode, elapsed.TotalSeconds);

    /// <summary>
    /// The caller <see cref="OnCallStartingAsync"/> established for the call; anonymous for a call it
    /// did not check (health, reflection).
    /// </summary>
    internal static CallerIdentity CallerOf(ServerCallContext context) => context.Caller as CallerIdentity ?? CallerIdentity.Anonymous;

    private MethodPolicy PolicyOf(string method) =>
        _policies.GetOrAdd(method, static (m, self) => new MethodPolicy(
            m.StartsWith("/scoringgrid.", StringComparison.Ordinal), RequiredScope(m), CostOf(m), self.ForMethod(m)), metrics);

    /// <summary>
    /// Rate-limit tokens a call takes when it starts. EvaluateStream takes none there: it pays one per
    /// application as it goes and is paced to the key's rate rather than refused.
    /// </summary>
    internal static int CostOf(string method) => method == ScoringGrpcService.EvaluateStreamPath ? 0 : 1;

    /// <summary>
    /// Any one of these scopes admits the call. Rounds: an explicit table (<see cref="RoundsScopes"/>).
    /// Scoring needs <c>score</c>; verification <c>verify</c>; platform management <c>admin</c>.
    /// </summary>
    internal static ApiScope RequiredScope(string method) =>
        RoundsScopes.TryGet(method, out var rounds) ? rounds
        : method.Contains("/Verify", StringComparison.Ordinal) ? ApiScope.Verify
        : method.Contains("Platform", StringComparison.Ordinal) ? ApiScope.Admin
        : ApiScope.Score;

    // NeedsKey: the ScoringGrid services need an API key; health and reflection stay open.
    private sealed record MethodPolicy(bool NeedsKey, ApiScope Scope, int Cost, MethodSeries Series);
}
