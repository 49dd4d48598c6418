using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Verification;

/// <summary>The one place verification errors are built, so every transport says the same thing.</summary>
internal static class VerificationErrors
{
    public const string FailedPrecondition = "FAILED_PRECONDITION";
    public const string Unavailable = "UNAVAILABLE";

    public static ScoringError NotConfigured(string what) =>
        new(FailedPrecondition, "",
            $"{what} needs the collector's Redis, and this server has none configured: start it with --{VerificationSettings.RedisKey} HOST:PORT");

    public static ScoringError PlatformRequired() =>
        new(ScoringErrorCodes.InvalidArgument, "platform_id", "platform_id is required when verify is true");

    public static ScoringError BadPlatformId(string platformId) =>
        new(ScoringErrorCodes.InvalidArgument, "platform_id", $"platform_id '{platformId}' must match [a-zA-Z0-9_.-]{{1,64}}");

    public static ScoringError NothingDeclared() =>
        new(ScoringErrorCodes.InvalidArgument, "declared", "declared must hold at least one figure");

    public static ScoringError BadFigure(string figure) =>
        new(ScoringErrorCodes.InvalidArgument, $"declared.{figure}", $"declared.{figure} must be finite and >= 0");

    public static ScoringError BadWindow(double days) =>
        new(ScoringErrorCodes.InvalidArgument, "window_days", $"window_days must be between 0 (default: 30) and 731, was {days}");

    public static ScoringError VerifyScopeMissing(string keyId) =>
        new(Scoring.StatusNames.PermissionDenied, "verify", $"API key '{keyId}' lacks the 'verify' scope that verify: true needs");

    public static ScoringError NotVerifiedHere() =>
        new(FailedPrecondition, "verify", "verify: true is served by the gRPC Scoring API (Evaluate, EvaluateStream); this call path scores declared figures only");

    public static ScoringError RedisDown(Exception ex) =>
        new(Unavailable, "", $"the collector's Redis is unavailable: {ex.Message}");
}
