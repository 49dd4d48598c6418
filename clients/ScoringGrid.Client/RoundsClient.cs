using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;
using ScoringGrid.V1;

namespace ScoringGrid.Client;

/// <summary>
/// A client of the Rounds API (rounds, submissions, expert scores, rankings, audit, the fraud
/// registry). Thread-safe; keep one per server. Errors surface as <see cref="RpcException"/> with
/// the server's status and a message naming the field; every call fails with FAILED_PRECONDITION
/// when the server has no Redis.
/// </summary>
public sealed class RoundsClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Metadata? _headers;
    private readonly bool _ownsChannel;

    /// <summary>A client over an existing channel; <paramref name="apiKey"/> is sent as <c>authorization: Bearer</c>.</summary>
    public RoundsClient(GrpcChannel channel, string? apiKey = null)
        : this(channel, apiKey, ownsChannel: false)
    {
    }

    private RoundsClient(GrpcChannel channel, string? apiKey, bool ownsChannel)
    {
        _channel = channel;
        _ownsChannel = ownsChannel;
        _headers = string.IsNullOrEmpty(apiKey) ? null : new Metadata().Add("authorization", "Bearer " + apiKey);
    }

    /// <summary>A client with its own channel to <paramref name="address"/> (<c>http://</c> for h2c, <c>https://</c> for TLS).</summary>
    public static RoundsClient Create(string address, string? apiKey = null, GrpcChannelOptions? options = null) =>
        new(GrpcChannel.ForAddress(address, options), apiKey, ownsChannel: true);

    /// <summary>Creates an open round pinned to <paramref name="ruleSet"/> (<c>id</c> pins the newest version); scope <c>admin</c>.</summary>
    public Task<Round> CreateRoundAsync(string roundId, string ruleSet, string title = "", CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.CreateRound, new CreateRoundRequest { RoundId = roundId, RuleSet = ruleSet, Title = title }, cancellationToken);

    /// <summary>One round.</summary>
    public Task<Round> GetRoundAsync(string roundId, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.GetRound, new GetRoundRequest { RoundId = roundId }, cancellationToken);

    /// <summary>The rounds the caller's tenant may see, by id.</summary>
    public Task<ListRoundsResponse> ListRoundsAsync(CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.ListRounds, new ListRoundsRequest(), cancellationToken);

    /// <summary>Closes or publishes a round; scope <c>admin</c>.</summary>
    public Task<Round> TransitionRoundAsync(string roundId, RoundState to, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.TransitionRound, new TransitionRoundRequest { RoundId = roundId, To = to }, cancellationToken);

    /// <summary>Submits or resubmits an application; the receipt comes once Redis has it.</summary>
    public Task<SubmissionReceipt> SubmitApplicationAsync(
        string roundId, Application application, ApplicantProfile? profile = null, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.SubmitApplication, new SubmitApplicationRequest { RoundId = roundId, Application = application, Profile = profile }, cancellationToken);

    /// <summary>Every submission of an application, oldest first.</summary>
    public Task<GetSubmissionHistoryResponse> GetSubmissionHistoryAsync(string roundId, string applicationId, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.GetSubmissionHistory, new GetSubmissionHistoryRequest { RoundId = roundId, ApplicationId = applicationId }, cancellationToken);

    /// <summary>One expert's score for an expert line; scope <c>admin</c> or <c>expert</c> (an expert key scores as itself).</summary>
    public Task<RoundEvaluation> EnterExpertScoreAsync(EnterExpertScoreRequest request, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.EnterExpertScore, request, cancellationToken);

    /// <summary>The round in order, with horizontal tiers.</summary>
    public Task<RoundRanking> RankRoundAsync(string roundId, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.RankRound, new RankRoundRequest { RoundId = roundId }, cancellationToken);

    /// <summary>Re-scores the round under another version of its rule set; scope <c>admin</c>.</summary>
    public Task<ReplayReport> ReplayRoundAsync(string roundId, string ruleSet, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.ReplayRound, new ReplayRoundRequest { RoundId = roundId, RuleSet = ruleSet }, cancellationToken);

    /// <summary>Audit records of a round, or of one application when <see cref="GetAuditTrailRequest.ApplicationId"/> is set.</summary>
    public Task<GetAuditTrailResponse> GetAuditTrailAsync(GetAuditTrailRequest request, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.GetAuditTrail, request, cancellationToken);

    /// <summary>Re-derives the result of audit record <paramref name="sequence"/>; scope <c>admin</c>.</summary>
    public Task<RederiveAuditResponse> RederiveAuditAsync(string roundId, long sequence, CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.RederiveAudit, new RederiveAuditRequest { RoundId = roundId, Sequence = sequence }, cancellationToken);

    /// <summary>The recommendation order per city (one city when <paramref name="city"/> is given), as CSV and JSON.</summary>
    public Task<ExportRecommendationsResponse> ExportRecommendationsAsync(string roundId, string city = "", CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.ExportRecommendations, new ExportRecommendationsRequest { RoundId = roundId, City = city }, cancellationToken);

    /// <summary>Disqualifies an applicant for three years from <paramref name="since"/> (YYYY-MM-DD; empty: today); scope <c>admin</c>.</summary>
    public Task<Disqualification> DisqualifyAsync(string creditCode, string reason, string since = "", CancellationToken cancellationToken = default) =>
        Call(RoundsMethods.Disqualify, new DisqualifyRequest { CreditCode = creditCode, Reason = reason, Since = since }, cancellationToken);

    /// <summary>Lifts a ban; false when there was none. Scope <c>admin</c>.</summary>
    public async Task<bool> LiftDisqualificationAsync(string creditCode, string reason, CancellationToken cancellationToken = default) =>
        (await Call(RoundsMethods.LiftDisqualification, new LiftDisqualificationRequest { CreditCode = creditCode, Reason = reason }, cancellationToken)
            .ConfigureAwait(false)).Existed;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsChannel)
        {
            _channel.Dispose();
        }
    }

    private Task<TResponse> Call<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class =>
        _channel.UnaryAsync(method, request, new CallOptions { Headers = _headers, CancellationToken = cancellationToken });
}
