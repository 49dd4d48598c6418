using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;
using ScoringGrid.Server.Verification;

namespace ScoringGrid.Server.Grpc;

/// <summary><c>scoringgrid.v1.Scoring</c> on our gRPC transport.</summary>
internal sealed class ScoringGrpcService(ScoringOperations scoring, VerifiedScoring verified, VerifyFiguresCall verifyFigures)
{
    public const string ServiceName = "scoringgrid.v1.Scoring";

    public GrpcServiceDefinition CreateDefinition() =>
        GrpcServiceDefinition.CreateBuilder(ServiceName)
            .AddUnary<V1.EvaluateRequest, V1.EvaluateResponse>("Evaluate", EvaluateAsync)
            .AddDuplexStreaming<V1.EvaluateRequest, V1.EvaluateResponse>("EvaluateStream", EvaluateStreamAsync)
            .AddUnary<V1.ListRuleSetsRequest, V1.ListRuleSetsResponse>("ListRuleSets", ListRuleSetsAsync)
            .AddUnary<V1.GetRuleSetRequest, V1.RuleSet>("GetRuleSet", GetRuleSetAsync)
            .AddUnary<V1.VerifyFiguresRequest, V1.VerifyFiguresResponse>("VerifyFigures", verifyFigures.HandleAsync)
            .Build();

    /// <summary>An invalid application fails the call with its status; the message names the field or rule.</summary>
    private Task<V1.EvaluateResponse> EvaluateAsync(V1.EvaluateRequest request, ServerCallContext context)
    {
        if (request.Application is { Verify: true })
        {
            return EvaluateVerifiedAsync(request, context);
        }

        var response = scoring.Evaluate(request.Application, Caller(context), scoring.Catalog, out var error, null, request.View);
        return error is null ? Task.FromResult(response) : throw Fault(error);
    }

    private async Task<V1.EvaluateResponse> EvaluateVerifiedAsync(V1.EvaluateRequest request, ServerCallContext context)
    {
        var (response, error) = await verified.EvaluateAsync(request.Application, Caller(context), scoring.Catalog, request.View).ConfigureAwait(false);
        return error is null ? response : throw Fault(error);
    }

    /// <summary>Responses in request order; a bad application gets its error in its response and the stream goes on.</summary>
    private async Task EvaluateStreamAsync(
        IAsyncStreamReader<V1.EvaluateRequest> requests, IServerStreamWriter<V1.EvaluateResponse> responses, ServerCallContext context)
    {
        var caller = Caller(context);
        // One catalog for the whole stream: a reload mid-stream must not mix rule versions.
        var catalog = scoring.Catalog;
        while (await requests.MoveNext(context.CancellationToken).ConfigureAwait(false))
        {
            var (application, view) = (requests.Current.Application, requests.Current.View);
            var response = application is { Verify: true }
                ? (await verified.EvaluateAsync(application, caller, catalog, view).ConfigureAwait(false)).Response
                : scoring.Evaluate(application, caller, catalog, out _, null, view);
            await responses.WriteAsync(response, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private Task<V1.ListRuleSetsResponse> ListRuleSetsAsync(V1.ListRuleSetsRequest request, ServerCallContext context) =>
        Task.FromResult(scoring.ListRuleSets(Caller(context)));

    private Task<V1.RuleSet> GetRuleSetAsync(V1.GetRuleSetRequest request, ServerCallContext context) =>
        scoring.GetRuleSet(request.RuleSet, Caller(context), out var error) is { } rs ? Task.FromResult(rs) : throw Fault(error!);

    private static CallerIdentity Caller(ServerCallContext context) =>
        context.Items.TryGetValue(typeof(CallerIdentity), out var caller) && caller is CallerIdentity identity ? identity : CallerIdentity.Anonymous;

    internal static RpcException Fault(ScoringError error) =>
        new(new Status(StatusCodes(error.Code), error.Field.Length > 0 ? $"{error.Field}: {error.Message}" : error.Message));

    internal static StatusCode StatusCodes(string name) => name switch
    {
        ScoringErrorCodes.InvalidArgument => StatusCode.InvalidArgument,
        ScoringErrorCodes.NotFound => StatusCode.NotFound,
        StatusNames.PermissionDenied => StatusCode.PermissionDenied,
        StatusNames.Unauthenticated => StatusCode.Unauthenticated,
        StatusNames.ResourceExhausted => StatusCode.ResourceExhausted,
        VerificationErrors.FailedPrecondition => StatusCode.FailedPrecondition,
        VerificationErrors.Unavailable => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };
}
