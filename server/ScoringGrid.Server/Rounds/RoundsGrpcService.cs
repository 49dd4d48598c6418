using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Rounds;
using ScoringGrid.Server.Grpc;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;
using ScoringGrid.Server.Verification;

namespace ScoringGrid.Server.Rounds;

/// <summary>
/// <c>scoringgrid.v1.Rounds</c> on our gRPC transport. Scopes are checked by <see cref="ApiKeyInterceptor"/>;
/// here: Redis configured (else FAILED_PRECONDITION), the caller's tenant owns the round (else
/// PERMISSION_DENIED), and the library's errors as statuses.
/// </summary>
internal sealed class RoundsGrpcService(RedisRounds backend, TimeProvider time)
{
    public const string ServiceName = "scoringgrid.v1.Rounds";

    private delegate Task<TResponse> RoundsHandler<TRequest, TResponse>(ScoringRounds rounds, CallerIdentity caller, TRequest request);

    public GrpcServiceDefinition CreateDefinition() =>
        GrpcServiceDefinition.CreateBuilder(ServiceName)
            .AddUnary("CreateRound", Guard<V1.CreateRoundRequest, V1.Round>(CreateRoundAsync))
            .AddUnary("GetRound", Guard<V1.GetRoundRequest, V1.Round>(GetRoundAsync))
            .AddUnary("ListRounds", Guard<V1.ListRoundsRequest, V1.ListRoundsResponse>(ListRoundsAsync))
            .AddUnary("TransitionRound", Guard<V1.TransitionRoundRequest, V1.Round>(TransitionRoundAsync))
            .AddUnary("SubmitApplication", Guard<V1.SubmitApplicationRequest, V1.SubmissionReceipt>(SubmitApplicationAsync))
            .AddUnary("GetSubmissionHistory", Guard<V1.GetSubmissionHistoryRequest, V1.GetSubmissionHistoryResponse>(GetSubmissionHistoryAsync))
            .AddUnary("EnterExpertScore", Guard<V1.EnterExpertScoreRequest, V1.RoundEvaluation>(EnterExpertScoreAsync))
            .AddUnary("RankRound", Guard<V1.RankRoundRequest, V1.RoundRanking>(RankRoundAsync))
            .AddUnary("ReplayRound", Guard<V1.ReplayRoundRequest, V1.ReplayReport>(ReplayRoundAsync))
            .AddUnary("GetAuditTrail", Guard<V1.GetAuditTrailRequest, V1.GetAuditTrailResponse>(GetAuditTrailAsync))
            .AddUnary("RederiveAudit", Guard<V1.RederiveAuditRequest, V1.RederiveAuditResponse>(RederiveAuditAsync))
            .AddUnary("ExportRecommendations", Guard<V1.ExportRecommendationsRequest, V1.ExportRecommendationsResponse>(ExportRecommendationsAsync))
            .AddUnary("Disqualify", Guard<V1.DisqualifyRequest, V1.Disqualification>(DisqualifyAsync))
            .AddUnary("LiftDisqualification", Guard<V1.LiftDisqualificationRequest, V1.LiftDisqualificationResponse>(LiftAsync))
            .Build();

    private async Task<V1.Round> CreateRoundAsync(ScoringRounds rounds, CallerIdentity caller, V1.CreateRoundRequest request)
    {
        string? tenant = null;
        if (backend.Catalog.TryResolve(request.RuleSet, out var rs, out _))
        {
            if (!caller.CanSee(rs.Province))
            {
                throw RoundsFaults.OtherTenantRuleSet(caller, rs.Key, rs.Province);
            }

            // A rule set without a province: the round belongs to the caller's tenant.
            tenant = rs.Province.Length == 0 && caller.Tenant != CallerIdentity.AllTenants ? caller.Tenant : null;
        }

        return RoundsMapping.ToMessage(await rounds.CreateRoundAsync(request.RoundId, request.RuleSet, caller.KeyId, tenant, request.Title).ConfigureAwait(false));
    }

    private static async Task<V1.Round> GetRoundAsync(ScoringRounds rounds, CallerIdentity caller, V1.GetRoundRequest request) =>
        RoundsMapping.ToMessage(await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false));

    private static async Task<V1.ListRoundsResponse> ListRoundsAsync(ScoringRounds rounds, CallerIdentity caller, V1.ListRoundsRequest request)
    {
        var response = new V1.ListRoundsResponse();
        foreach (var round in await rounds.ListRoundsAsync().ConfigureAwait(false))
        {
            if (caller.CanSee(round.Tenant))
            {
                response.Rounds.Add(RoundsMapping.ToMessage(round));
            }
        }

        return response;
    }

    private static async Task<V1.Round> TransitionRoundAsync(ScoringRounds rounds, CallerIdentity caller, V1.TransitionRoundRequest request)
    {
        var to = RoundsMapping.ToTarget(request.To) ?? throw RoundsFaults.BadState(request.To);
        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        return RoundsMapping.ToMessage(await rounds.TransitionAsync(request.RoundId, to, caller.KeyId).ConfigureAwait(false));
    }

    private static async Task<V1.SubmissionReceipt> SubmitApplicationAsync(ScoringRounds rounds, CallerIdentity caller, V1.SubmitApplicationRequest request)
    {
        var message = request.Application ?? throw RoundsFaults.Required("application");
        var application = ApplicationMapping.ToCore(message, out var error) ?? throw ScoringGrpcService.Fault(error!);
        if (application.Verify)
        {
            // A round scores declared figures; accepting verify: true would pass unverified figures as verified.
            throw ScoringGrpcService.Fault(VerificationErrors.NotVerifiedHere());
        }

        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        var receipt = await rounds.SubmitApplicationAsync(request.RoundId, application, caller.KeyId, RoundsMapping.ToCore(request.Profile)).ConfigureAwait(false);
        return RoundsMapping.ToMessage(receipt);
    }

    private static async Task<V1.GetSubmissionHistoryResponse> GetSubmissionHistoryAsync(
        ScoringRounds rounds, CallerIdentity caller, V1.GetSubmissionHistoryRequest request)
    {
        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        return RoundsMapping.ToMessage(await rounds.GetSubmissionHistoryAsync(request.RoundId, request.ApplicationId).ConfigureAwait(false));
    }

    private static async Task<V1.RoundEvaluation> EnterExpertScoreAsync(ScoringRounds rounds, CallerIdentity caller, V1.EnterExpertScoreRequest request)
    {
        var expert = request.ExpertId.Length > 0 ? request.ExpertId : caller.KeyId;
        if (!caller.Has(ApiScope.Admin) && !string.Equals(expert, caller.KeyId, StringComparison.Ordinal))
        {
            // An expert key scores as itself; only an admin enters scores on an expert's behalf.
            throw RoundsFaults.OtherExpert(caller, expert);
        }

        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        var evaluation = await rounds.EnterExpertScoreAsync(request.RoundId, request.ApplicationId, expert, request.Line, request.Score, caller.KeyId).ConfigureAwait(false);
        return RoundsMapping.ToMessage(evaluation);
    }

    private static async Task<V1.RoundRanking> RankRoundAsync(ScoringRounds rounds, CallerIdentity caller, V1.RankRoundRequest request)
    {
        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        return RankingMapping.ToMessage(await rounds.RankRoundAsync(request.RoundId, caller.KeyId).ConfigureAwait(false));
    }

    private static async Task<V1.ReplayReport> ReplayRoundAsync(ScoringRounds rounds, CallerIdentity caller, V1.ReplayRoundRequest request)
    {
        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        return RankingMapping.ToMessage(await rounds.ReplayAsync(request.RoundId, request.RuleSet, caller.KeyId).ConfigureAwait(false));
    }

    private static async Task<V1.GetAuditTrailResponse> GetAuditTrailAsync(ScoringRounds rounds, CallerIdentity caller, V1.GetAuditTrailRequest request)
    {
        if (request.Start < 0 || request.Count < 0)
        {
            throw RoundsFaults.Negative(request.Start < 0 ? "start" : "count");
        }

        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        var count = request.Count == 0 ? long.MaxValue : request.Count;
        var records = request.ApplicationId.Length > 0
            ? await rounds.GetAuditTrailAsync(request.RoundId, request.ApplicationId, request.Start, count).ConfigureAwait(false)
            : await rounds.GetAuditTrailAsync(request.RoundId, request.Start, count).ConfigureAwait(false);
        return RoundsMapping.ToMessage(records);
    }

    private static async Task<V1.RederiveAuditResponse> RederiveAuditAsync(ScoringRounds rounds, CallerIdentity caller, V1.RederiveAuditRequest request)
    {
        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        var record = await rounds.GetAuditRecordAsync(request.RoundId, request.Sequence).ConfigureAwait(false);
        return RoundsMapping.ToMessage(await rounds.RederiveAsync(record).ConfigureAwait(false));
    }

    private static async Task<V1.ExportRecommendationsResponse> ExportRecommendationsAsync(
        ScoringRounds rounds, CallerIdentity caller, V1.ExportRecommendationsRequest request)
    {
        await AuthorizeAsync(rounds, caller, request.RoundId).ConfigureAwait(false);
        var city = request.City.Length > 0 ? request.City : null;
        return RankingMapping.ToMessage(await rounds.ExportRecommendationsAsync(request.RoundId, city, caller.KeyId).ConfigureAwait(false));
    }

    /// <summary>The registry is national (credit codes are), so any admin key may mark or lift.</summary>
    private async Task<V1.Disqualification> DisqualifyAsync(ScoringRounds rounds, CallerIdentity caller, V1.DisqualifyRequest request)
    {
        DateOnly since;
        if (request.Since.Length == 0)
        {
            since = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        }
        else if (!RoundsMapping.TryParseDate(request.Since, out since))
        {
            throw RoundsFaults.BadDate("since", request.Since);
        }

        var ban = await backend.Registry!.DisqualifyAsync(request.CreditCode, request.Reason, since, caller.KeyId).ConfigureAwait(false);
        return RoundsMapping.ToMessage(ban);
    }

    private async Task<V1.LiftDisqualificationResponse> LiftAsync(ScoringRounds rounds, CallerIdentity caller, V1.LiftDisqualificationRequest request) =>
        new() { Existed = await backend.Registry!.LiftAsync(request.CreditCode, request.Reason, caller.KeyId).ConfigureAwait(false) };

    private static async Task<Round> AuthorizeAsync(ScoringRounds rounds, CallerIdentity caller, string roundId)
    {
        var round = await rounds.GetRoundAsync(roundId).ConfigureAwait(false);
        return caller.CanSee(round.Tenant) ? round : throw RoundsFaults.OtherTenant(caller, roundId, round.Tenant);
    }

    /// <summary>Built once per method: Redis configured, the caller resolved, library and Redis failures as statuses.</summary>
    private UnaryServerMethod<TRequest, TResponse> Guard<TRequest, TResponse>(RoundsHandler<TRequest, TResponse> handler) =>
        async (request, context) =>
        {
            var rounds = backend.Current ?? throw RoundsFaults.NotConfigured();
            var caller = ApiKeyInterceptor.CallerOf(context);
            try
            {
                return await handler(rounds, caller, request).ConfigureAwait(false);
            }
            catch (RoundsException ex)
            {
                throw RoundsFaults.From(ex);
            }
            catch (Exception ex) when (RoundsFaults.IsRedisFailure(ex))
            {
                throw RoundsFaults.RedisDown(ex);
            }
        };
}
