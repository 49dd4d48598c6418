using ScoringGrid.Grpc;
using ScoringGrid.Rounds;
using ScoringGrid.Server.Grpc;
using ScoringGrid.Server.Security;
using StackExchange.Redis;

namespace ScoringGrid.Server.Rounds;

/// <summary>The one place the Rounds API words its gRPC errors.</summary>
internal static class RoundsFaults
{
    public static RpcException NotConfigured() =>
        new(new Status(StatusCode.FailedPrecondition,
            $"the Rounds API needs Redis, and this server has none configured: start it with --{Verification.VerificationSettings.RedisKey} HOST:PORT"));

    /// <summary>The library's code is a gRPC status name, so it maps 1:1; the message names the field.</summary>
    public static RpcException From(RoundsException ex) =>
        new(new Status(StatusCodeNames.TryParse(ex.Code, out var code) ? code : StatusCode.Internal,
            ex.Field.Length > 0 && !ex.Message.StartsWith(ex.Field, StringComparison.Ordinal) ? $"{ex.Field}: {ex.Message}" : ex.Message));

    public static RpcException RedisDown(Exception ex) =>
        new(new Status(StatusCode.Unavailable, $"Redis is unavailable: {ex.Message}"));

    public static RpcException OtherTenant(CallerIdentity caller, string roundId, string tenant) =>
        new(new Status(StatusCode.PermissionDenied,
            $"round_id: API key '{caller.KeyId}' (tenant {caller.Tenant}) may not use round '{roundId}', which belongs to {(tenant.Length > 0 ? tenant : "no province")}"));

    public static RpcException OtherTenantRuleSet(CallerIdentity caller, string ruleSet, string province) =>
        new(new Status(StatusCode.PermissionDenied,
            $"rule_set: API key '{caller.KeyId}' (tenant {caller.Tenant}) may not use {ruleSet}, which belongs to {province}"));

    public static RpcException Required(string field) => new(new Status(StatusCode.InvalidArgument, $"{field}: {field} is required"));

    public static RpcException BadDate(string field, string value) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: '{value}' is not a date (YYYY-MM-DD)"));

    public static RpcException BadState(V1.RoundState state) =>
        new(new Status(StatusCode.InvalidArgument, $"to: {state} is not a state to move to (ROUND_STATE_CLOSED or ROUND_STATE_PUBLISHED)"));

    public static RpcException Negative(string field) => new(new Status(StatusCode.InvalidArgument, $"{field}: {field} must be >= 0"));

    public static RpcException OtherExpert(CallerIdentity caller, string expertId) =>
        new(new Status(StatusCode.PermissionDenied,
            $"expert_id: API key '{caller.KeyId}' scores as itself; entering scores as '{expertId}' needs the 'admin' scope"));

    // TimeoutException covers the library's RedisTimeoutException and a call bounded by RedisDeadline.
    public static bool IsRedisFailure(Exception ex) => ex is RedisConnectionException or TimeoutException;
}
