using System.Buffers;
using System.Runtime.CompilerServices;
using ScoringGrid.Common;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.RuleSets;
using ScoringGrid.Server.Scoring.Wire;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Scoring;

/// <summary>
/// What the Scoring API does, apart from how it is carried (gRPC unary, gRPC stream, REST).
/// Each call takes the catalog once, so a rule-set reload never changes rules mid-call.
/// </summary>
internal sealed class ScoringOperations(RuleSetProvider ruleSets, ScoringOptions options, ServerMetrics metrics)
{
    // A compiled rule set never changes, so its GetRuleSet message is built once and shared by every
    // caller allowed to see it; nobody changes it (gRPC serializes it, REST formats it). A reload
    // compiles new rule sets, and the weak table lets the old messages go with the old rule sets.
    private static readonly ConditionalWeakTable<CompiledRuleSet, V1.RuleSet>.CreateValueCallback BuildFull = RuleSetMessages.Full;
    private readonly ConditionalWeakTable<CompiledRuleSet, V1.RuleSet> _fullRuleSets = new();

    public RuleSetCatalog Catalog => ruleSets.Current;

    /// <summary>
    /// Scores one application; a bad one yields an error response naming the field, never an exception.
    /// <c>observed</c> holds verified figures (see <c>Verification/VerifiedScoring</c>) and is required when the application asks for <c>verify</c>.
    /// </summary>
    public V1.EvaluateResponse Evaluate(
        V1.Application? message, CallerIdentity caller, RuleSetCatalog catalog, out ScoringError? error,
        IReadOnlyDictionary<string, double>? observed = null, V1.ResultView view = V1.ResultView.Full)
    {
        var response = new V1.EvaluateResponse { ApplicationId = message?.Id ?? "" };
        error = Score(message, caller, catalog, observed, pooled: false, out var result);
        if (error is not null)
        {
            response.Error = ResultMapping.ToMessage(error);
            metrics.EvaluationFailed(caller, error.Code);
        }
        else
        {
            response.Result = ResultMapping.ToMessage(result!, WithTexts(view));
        }

        return response;
    }

    /// <summary>
    /// <see cref="Evaluate"/> for the gRPC transport, from the request's protobuf bytes: read straight
    /// into the core's application (see <see cref="EvaluateRequestReader"/>) and answered by a reply
    /// that writes the same EvaluateResponse bytes straight from the core's result (see
    /// <c>Wire/EvaluateResponseWriter</c>): the same answers as the message path, without messages. <see cref="WireEvaluation.NeedsVerification"/> leaves verified scoring (which
    /// needs I/O and the message) to the caller. A scored reply holds a pooled result until it is released.
    /// </summary>
    public WireEvaluation EvaluateForWire(
        ReadOnlySpan<byte> request, CallerIdentity caller, RuleSetCatalog catalog, out EvaluateReply? reply, out ScoringError? error)
    {
        reply = null;
        var outcome = Read(request, catalog, out var reader, out error);
        if (outcome != WireEvaluation.Scored)
        {
            return outcome;
        }

        var id = reader.Application.Id;
        if (error is null)
        {
            error = Score(reader, caller, catalog, out var result);
            if (error is null)
            {
                reply = EvaluateReply.Scored(id, result!, WithTexts(reader.View));
                return outcome;
            }
        }

        metrics.EvaluationFailed(caller, error.Code);
        reply = EvaluateReply.Failed(id, error);
        return outcome;
    }

    /// <summary>
    /// <see cref="EvaluateForWire(ReadOnlySpan{byte}, CallerIdentity, RuleSetCatalog, out EvaluateReply?, out ScoringError?)"/>
    /// written at once into <paramref name="output"/> (EvaluateStream), from a pooled result given back straight after.
    /// </summary>
    public WireEvaluation EvaluateForWire(ReadOnlySpan<byte> request, CallerIdentity caller, RuleSetCatalog catalog, IBufferWriter<byte> output)
    {
        var outcome = Read(request, catalog, out var reader, out var error);
        if (outcome != WireEvaluation.Scored)
        {
            return outcome;
        }

        var id = reader.Application.Id;
        ScoreResult? result = null;
        error ??= Score(reader, caller, catalog, out result);
        if (error is not null)
        {
            metrics.EvaluationFailed(caller, error.Code);
            EvaluateResponseWriter.WriteFailed(output, id, error);
            return outcome;
        }

        try
        {
            EvaluateResponseWriter.WriteScored(output, id, result!, WithTexts(reader.View));
        }
        finally
        {
            result!.RuleSet.ReturnResult(result);
        }

        return outcome;
    }

    // Reads the request into this thread's reader; error is the application's mapping error or its absence.
    private static WireEvaluation Read(ReadOnlySpan<byte> request, RuleSetCatalog catalog, out EvaluateRequestReader reader, out ScoringError? error)
    {
        reader = EvaluateRequestReader.ForCurrentThread;
        if (!reader.TryRead(request, catalog, out error))
        {
            return WireEvaluation.Unparsable;
        }

        if (!reader.HasApplication)
        {
            error = ApplicationRequired();
            return WireEvaluation.Scored;
        }

        return reader.Application.Verify ? WireEvaluation.NeedsVerification : WireEvaluation.Scored;
    }

    public V1.ListRuleSetsResponse ListRuleSets(CallerIdentity caller)
    {
        var response = new V1.ListRuleSetsResponse();
        foreach (var rs in Catalog.RuleSets)
        {
            if (caller.CanSee(rs.Province))
            {
                response.RuleSets.Add(RuleSetMessages.Summary(rs));
            }
        }

        return response;
    }

    /// <summary>The full rule set, built once per compiled version and shared between calls: callers must not change it.</summary>
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

        return _fullRuleSets.GetValue(rs, BuildFull);
    }

    private ScoringError? Score(
        V1.Application? message, CallerIdentity caller, RuleSetCatalog catalog, IReadOnlyDictionary<string, double>? observed, bool pooled,
        out ScoreResult? result)
    {
        result = null;
        if (message is null)
        {
            return ApplicationRequired();
        }

        var app = ApplicationMapping.ToCore(message, out var error);
        return app is null ? error : Score(app, caller, catalog, observed, pooled, out result);
    }

    private ScoringError? Score(
        Application app, CallerIdentity caller, RuleSetCatalog catalog, IReadOnlyDictionary<string, double>? observed, bool pooled,
        out ScoreResult? result)
    {
        result = null;
        if (!catalog.TryResolve(app.RuleSet, out var rs, out var error))
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

        // Pooled: the caller writes the result out and gives it back (see EvaluateReply).
        var target = pooled ? rs.RentResult() : null;
        return Scored(caller, rs, target is null ? rs.Score(app, options, observed) : rs.Score(app, target, options, observed), target, out result);
    }

    // What the reader read, into a pooled result: its indexed application when it has one (the rule
    // set already resolved from the call's catalog), otherwise the application.
    private ScoringError? Score(EvaluateRequestReader reader, CallerIdentity caller, RuleSetCatalog catalog, out ScoreResult? result)
    {
        if (reader.Indexed is not { } indexed)
        {
            return Score(reader.Application, caller, catalog, null, pooled: true, out result);
        }

        result = null;
        var rs = indexed.RuleSet;
        if (!caller.CanSee(rs.Province))
        {
            return Forbidden(caller, rs);
        }

        // Verified applications never get here (Read hands them to the caller), so nothing is observed.
        var target = rs.RentResult();
        return Scored(caller, rs, rs.Score(indexed, target, options), target, out result);
    }

    // Counts a result, or gives the rented result back when scoring refused the application.
    private ScoringError? Scored(CallerIdentity caller, CompiledRuleSet rs, ScoreOutcome outcome, ScoreResult? rented, out ScoreResult? result)
    {
        if (!outcome.Succeeded)
        {
            if (rented is not null)
            {
                rs.ReturnResult(rented);
            }

            result = null;
            return outcome.Error;
        }

        metrics.Evaluated(caller, rs, outcome.Result);
        result = outcome.Result;
        return null;
    }

    private static ScoringError ApplicationRequired() => new(ScoringErrorCodes.InvalidArgument, "application", "application is required");

    // Unspecified (and any view this server does not know) means FULL.
    private static bool WithTexts(V1.ResultView view) => view != V1.ResultView.Scores;

    private static ScoringError Forbidden(CallerIdentity caller, CompiledRuleSet rs) =>
        new(StatusNames.PermissionDenied, "ruleset",
            $"API key '{caller.KeyId}' (tenant {caller.Tenant}) may not use {rs.Key}, which belongs to {rs.Province}");
}
