using ScoringGrid.Scoring;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.RuleSets;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Scoring;

/// <summary>
/// What the Scoring API does, apart from how it is carried (gRPC unary, gRPC stream, REST).
/// Each call takes the catalog once, so a rule-set reload never changes rules mid-call.
/// </summary>
internal sealed class ScoringOperations(RuleSetProvider ruleSets, ScoringOptions options, ServerMetrics metrics)
{
    public RuleSetCatalog Catalog => ruleSets.Current;

    /// <summary>
    /// Scores one application; a bad one yields an error response naming the field, never an exception.
    /// <c>observed</c> holds verified figures (see <c>Verification/VerifiedScoring</c>) and is required when the application asks for <c>verify</c>.
    /// </summary>
    public V1.EvaluateResponse Evaluate(
        V1.Application? message, CallerIdentity caller, RuleSetCatalog catalog, out ScoringError? error,
        IReadOnlyDictionary<string, double>? observed = null, V1.ResultView view = V1.ResultView.Full)
    {
        var id = message?.Id ?? "";
        var response = new V1.EvaluateResponse { ApplicationId = id };
        error = message is null
            ? new ScoringError(ScoringErrorCodes.InvalidArgument, "application", "application is required")
            : Score(message, caller, catalog, response, observed, view);
        if (error is not null)
        {
            response.Error = ResultMapping.ToMessage(error);
            metrics.EvaluationFailed(error.Code);
        }

        return response;
    }

    public V1.ListRuleSetsResponse ListRuleSets(CallerIdentity caller)
    {
        var response = new V1.ListRuleSetsResponse();
        foreach (var rs in Catalog.RuleSets)
        {
            if (caller.CanSee(rs.Province))
            {
                response.RuleSets.Add(ResultMapping.Summary(rs));
            }
        }

        return response;
    }

    public V1.RuleSet? GetRuleSet(string spec, CallerIdentity caller, out ScoringError? error)
    {
        if (!Catalog.TryResolve(spec, out var rs, out error))
        {
            return null;
        }

        if (!caller.CanSee(rs.Province))
        {
            error = Forbidden(caller, rs);
            return null;
        }

        return ResultMapping.Full(rs);
    }

    private ScoringError? Score(
        V1.Application message, CallerIdentity caller, RuleSetCatalog catalog, V1.EvaluateResponse response, IReadOnlyDictionary<string, double>? observed, V1.ResultView view)
    {
        var app = ApplicationMapping.ToCore(message, out var error);
        if (app is null)
        {
            return error;
        }

        if (!catalog.TryResolve(app.RuleSet, out var rs, out error))
        {
            return error;
        }

        if (!caller.CanSee(rs.Province))
        {
            return Forbidden(caller, rs);
        }

        if (app.Verify && observed is null)
        {
            // Scoring declared figures while the caller asked for verified ones would pass a lie.
            return Verification.VerificationErrors.NotVerifiedHere();
        }

        var outcome = rs.Score(app, options, observed);
        if (!outcome.Succeeded)
        {
            return outcome.Error;
        }

        metrics.Evaluated(rs, outcome.Result);
        response.Result = ResultMapping.ToMessage(outcome.Result, withTexts: view != V1.ResultView.Scores);
        return null;
    }

    private static ScoringError Forbidden(CallerIdentity caller, CompiledRuleSet rs) =>
        new(StatusNames.PermissionDenied, "ruleset",
            $"API key '{caller.KeyId}' (tenant {caller.Tenant}) may not use {rs.Key}, which belongs to {rs.Province}");
}
