using ScoringGrid.Collector;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;
using StackExchange.Redis;

namespace ScoringGrid.Server.Verification;

/// <summary>
/// Scoring with <c>verify: true</c>: the application's figures are verified against the platform's
/// scraped metrics first, and each figure observed (verified or short) is handed to the rule set,
/// which uses the observed value where it is lower and says so in the notes and gaps.
/// </summary>
internal sealed class VerifiedScoring(ScoringOperations scoring, FigureObserver observer, ServerMetrics metrics)
{
    /// <summary>Scores one application; without <c>verify</c> this is <see cref="ScoringOperations.Evaluate"/> as is.</summary>
    public async Task<(V1.EvaluateResponse Response, ScoringError? Error)> EvaluateAsync(
        V1.Application? message, CallerIdentity caller, RuleSetCatalog catalog, V1.ResultView view = V1.ResultView.Full)
    {
        ScoringError? error;
        if (message is not { Verify: true })
        {
            return (scoring.Evaluate(message, caller, catalog, out error, null, view), error);
        }

        var (observed, observeError) = await ObserveAsync(message, caller).ConfigureAwait(false);
        if (observeError is not null)
        {
            metrics.EvaluationFailed(caller, observeError.Code);
            return (new V1.EvaluateResponse { ApplicationId = message.Id, Error = ResultMapping.ToMessage(observeError) }, observeError);
        }

        return (scoring.Evaluate(message, caller, catalog, out error, observed, view), error);
    }

    private async Task<(Dictionary<string, double>? Observed, ScoringError? Error)> ObserveAsync(V1.Application message, CallerIdentity caller)
    {
        if (!caller.Has(ApiScope.Verify))
        {
            return (null, VerificationErrors.VerifyScopeMissing(caller.KeyId));
        }

        if (observer.Verifier is not { } verifier)
        {
            return (null, VerificationErrors.NotConfigured("verify: true"));
        }

        if (message.PlatformId.Length == 0)
        {
            return (null, VerificationErrors.PlatformRequired());
        }

        if (!FigureObserver.IsValidPlatformId(message.PlatformId))
        {
            return (null, VerificationErrors.BadPlatformId(message.PlatformId));
        }

        var declared = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (figure, value) in message.Figures)
        {
            declared[figure] = value;
        }

        IReadOnlyList<FigureVerification> results;
        try
        {
            results = await verifier.VerifyAsync(message.PlatformId, declared).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return (null, VerificationErrors.RedisDown(ex));
        }

        // Only a value that rests on fresh samples may replace a declaration; stale and
        // unverifiable figures keep the declared value (the verification report shows them).
        var observed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            if (r.Status is VerificationStatus.Verified or VerificationStatus.Shortfall && r.Observed is { } value)
            {
                observed[r.Figure] = value;
            }
        }

        return (observed, null);
    }
}
