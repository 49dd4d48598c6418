using Google.Protobuf;
using ScoringGrid.Grpc;
using ScoringGrid.V1;

namespace ScoringGrid.Client;

/// <summary>The method descriptors of <c>scoringgrid.v1.Rounds</c>, served by the scoring server when it has Redis.</summary>
public static class RoundsMethods
{
    /// <summary>The service name on the wire.</summary>
    public const string ServiceName = "scoringgrid.v1.Rounds";

    /// <summary><c>CreateRound</c>: create an open round pinned to a rule set (scope <c>admin</c>).</summary>
    public static readonly Method<CreateRoundRequest, Round> CreateRound = Unary<CreateRoundRequest, Round>("CreateRound", CreateRoundRequest.Parser, Round.Parser);

    /// <summary><c>GetRound</c>: one round.</summary>
    public static readonly Method<GetRoundRequest, Round> GetRound = Unary<GetRoundRequest, Round>("GetRound", GetRoundRequest.Parser, Round.Parser);

    /// <summary><c>ListRounds</c>: the rounds the caller's tenant may see.</summary>
    public static readonly Method<ListRoundsRequest, ListRoundsResponse> ListRounds = Unary<ListRoundsRequest, ListRoundsResponse>("ListRounds", ListRoundsRequest.Parser, ListRoundsResponse.Parser);

    /// <summary><c>TransitionRound</c>: close or publish a round (scope <c>admin</c>).</summary>
    public static readonly Method<TransitionRoundRequest, Round> TransitionRound = Unary<TransitionRoundRequest, Round>("TransitionRound", TransitionRoundRequest.Parser, Round.Parser);

    /// <summary><c>SubmitApplication</c>: submit or resubmit an application, idempotent on its id.</summary>
    public static readonly Method<SubmitApplicationRequest, SubmissionReceipt> SubmitApplication = Unary<SubmitApplicationRequest, SubmissionReceipt>("SubmitApplication", SubmitApplicationRequest.Parser, SubmissionReceipt.Parser);

    /// <summary><c>GetSubmissionHistory</c>: every submission of an application.</summary>
    public static readonly Method<GetSubmissionHistoryRequest, GetSubmissionHistoryResponse> GetSubmissionHistory = Unary<GetSubmissionHistoryRequest, GetSubmissionHistoryResponse>("GetSubmissionHistory", GetSubmissionHistoryRequest.Parser, GetSubmissionHistoryResponse.Parser);

    /// <summary><c>EnterExpertScore</c>: one expert's line score (scope <c>admin</c> or <c>expert</c>).</summary>
    public static readonly Method<EnterExpertScoreRequest, RoundEvaluation> EnterExpertScore = Unary<EnterExpertScoreRequest, RoundEvaluation>("EnterExpertScore", EnterExpertScoreRequest.Parser, RoundEvaluation.Parser);

    /// <summary><c>RankRound</c>: the round in order, with horizontal tiers.</summary>
    public static readonly Method<RankRoundRequest, RoundRanking> RankRound = Unary<RankRoundRequest, RoundRanking>("RankRound", RankRoundRequest.Parser, RoundRanking.Parser);

    /// <summary><c>ReplayRound</c>: the round re-scored under another rule-set version (scope <c>admin</c>).</summary>
    public static readonly Method<ReplayRoundRequest, ReplayReport> ReplayRound = Unary<ReplayRoundRequest, ReplayReport>("ReplayRound", ReplayRoundRequest.Parser, ReplayReport.Parser);

    /// <summary><c>GetAuditTrail</c>: audit records of a round or an application.</summary>
    public static readonly Method<GetAuditTrailRequest, GetAuditTrailResponse> GetAuditTrail = Unary<GetAuditTrailRequest, GetAuditTrailResponse>("GetAuditTrail", GetAuditTrailRequest.Parser, GetAuditTrailResponse.Parser);

    /// <summary><c>RederiveAudit</c>: re-derive a result from its audit record (scope <c>admin</c>).</summary>
    public static readonly Method<RederiveAuditRequest, RederiveAuditResponse> RederiveAudit = Unary<RederiveAuditRequest, RederiveAuditResponse>("RederiveAudit", RederiveAuditRequest.Parser, RederiveAuditResponse.Parser);

    /// <summary><c>ExportRecommendations</c>: the recommendation order per city as CSV and JSON.</summary>
    public static readonly Method<ExportRecommendationsRequest, ExportRecommendationsResponse> ExportRecommendations = Unary<ExportRecommendationsRequest, ExportRecommendationsResponse>("ExportRecommendations", ExportRecommendationsRequest.Parser, ExportRecommendationsResponse.Parser);

    /// <summary><c>Disqualify</c>: mark an applicant in the fraud registry (scope <c>admin</c>).</summary>
    public static readonly Method<DisqualifyRequest, Disqualification> Disqualify = Unary<DisqualifyRequest, Disqualification>("Disqualify", DisqualifyRequest.Parser, Disqualification.Parser);

    /// <summary><c>LiftDisqualification</c>: lift a ban (scope <c>admin</c>).</summary>
    public static readonly Method<LiftDisqualificationRequest, LiftDisqualificationResponse> LiftDisqualification = Unary<LiftDisqualificationRequest, LiftDisqualificationResponse>("LiftDisqualification", LiftDisqualificationRequest.Parser, LiftDisqualificationResponse.Parser);

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new(MethodType.Unary, ServiceName, name, Marshallers.Create(request), Marshallers.Create(response));
}
