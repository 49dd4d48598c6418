using Google.Protobuf;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;
using ScoringGrid.Server.Verification;

namespace ScoringGrid.Server.Grpc;

/// <summary><c>scoringgrid.v1.Scoring</c> on our gRPC transport.</summary>
internal sealed class ScoringGrpcService(ScoringOperations scoring, VerifiedScoring verified, VerifyFiguresCall verifyFigures, AccessControl access)
{
    public const string ServiceName = "scoringgrid.v1.Scoring";

    public const string EvaluateStreamPath = "/" + ServiceName + "/EvaluateStream";

    // EvaluateRequest in, EvaluateResponse out, carried as bytes: the batch parses and writes them on every core.
    private static readonly Method<SerializedMessage, ReadOnlyMemory<byte>> EvaluateStreamMethod = new(
        MethodType.DuplexStreaming, ServiceName, "EvaluateStream", SerializedMessage.StreamRequestMarshaller, SerializedMessage.ResponseMarshaller);

    // The response is written straight from the core's result (see Scoring/Wire).
    // The request is read straight into the core's application (see Scoring/Wire/EvaluateRequestReader).
    private static readonly Method<SerializedMessage, EvaluateReply> EvaluateMethod = new(
        MethodType.Unary, ServiceName, "Evaluate", SerializedMessage.UnaryRequestMarshaller, EvaluateReply.Marshaller);

    public GrpcServiceDefinition CreateDefinition() =>
        GrpcServiceDefinition.CreateBuilder(ServiceName)
            .AddUnary(EvaluateMethod, EvaluateAsync)
            .AddDuplexStreaming(EvaluateStreamMethod, EvaluateStreamAsync)
            .AddUnary<V1.ListRuleSetsRequest, V1.ListRuleSetsResponse>("ListRuleSets", ListRuleSetsAsync)
            .AddUnary<V1.GetRuleSetRequest, V1.RuleSet>("GetRuleSet", GetRuleSetAsync)
            .AddUnary<V1.VerifyFiguresRequest, V1.VerifyFiguresResponse>("VerifyFigures", verifyFigures.HandleAsync)
            .Build();

    /// <summary>An invalid application fails the call with its status; the message names the field or rule.</summary>
    private ValueTask<EvaluateReply> EvaluateAsync(SerializedMessage request, ServerCallContext context)
    {
        try
        {
            switch (scoring.EvaluateForWire(request.Span, ApiKeyInterceptor.CallerOf(context), scoring.Catalog, out var reply, out var error))
            {
                case WireEvaluation.Unparsable:
                    throw new RpcException(GrpcErrors.UnparsableMessage());
                case WireEvaluation.NeedsVerification:
                    return EvaluateVerifiedAsync(V1.EvaluateRequest.Parser.ParseFrom(request.Span), context);
                default:
                    return error is null ? ValueTask.FromResult(reply!) : throw Fault(error);
            }
        }
        finally
        {
            request.Release();
        }
    }

    private async ValueTask<EvaluateReply> EvaluateVerifiedAsync(V1.EvaluateRequest request, ServerCallContext context)
    {
        var (response, error) = await verified.EvaluateAsync(request.Application, ApiKeyInterceptor.CallerOf(context), scoring.Catalog, request.View).ConfigureAwait(false);
        return error is null ? EvaluateReply.FromMessage(response) : throw Fault(error);
    }

    /// <summary>
    /// Responses in request order; a bad application gets its error in its response and the stream goes on.
    /// The requests already received are scored together as a batch (see <see cref="EvaluateStreamBatch"/>).
    /// A key with a rate limit pays one token per application and is paced, not refused: each batch
    /// (at most the key's burst) waits until the key's rate allows it, and the client's sends wait
    /// behind it through HTTP/2 flow control.
    /// </summary>
    private async Task EvaluateStreamAsync(
        IAsyncStreamReader<SerializedMessage> requests, IServerStreamWriter<ReadOnlyMemory<byte>> responses, ServerCallContext context)
    {
        var caller = ApiKeyInterceptor.CallerOf(context);
        // One catalog for the whole stream: a reload mid-stream must not mix rule versions.
        var catalog = scoring.Catalog;
        var token = context.CancellationToken;
        using var batch = new EvaluateStreamBatch(
            (request, reply) => scoring.EvaluateForWire(request, caller, catalog, reply),
            async (request, reply) =>
                (await verified.EvaluateAsync(request.Application, caller, catalog, request.View).ConfigureAwait(false)).Response.WriteTo(reply));
        var rateLimit = caller.RateLimit;
        int capacity = rateLimit is null ? EvaluateStreamBatch.Capacity : (int)Math.Min(EvaluateStreamBatch.Capacity, Math.Floor(rateLimit.Burst));
        while (await requests.MoveNext(token).ConfigureAwait(false))
        {
            batch.Add(requests.Current);
            while (batch.Count < capacity && context.NextRequestBuffered && await requests.MoveNext(token).ConfigureAwait(false))
            {
                batch.Add(requests.Current);
            }

            if (rateLimit is not null && access.Pace(caller, batch.Count) is { Ticks: > 0 } wait)
            {
                // The answers held back for this batch's sake must not wait with it.
                await responses.FlushAsync(token).ConfigureAwait(false);
                await rateLimit.DelayAsync(wait, token).ConfigureAwait(false);
            }

            batch.Score();
            await batch.WriteAsync(responses, token).ConfigureAwait(false);
        }
    }

    private ValueTask<V1.ListRuleSetsResponse> ListRuleSetsAsync(V1.ListRuleSetsRequest request, ServerCallContext context) =>
        ValueTask.FromResult(scoring.ListRuleSets(ApiKeyInterceptor.CallerOf(context)));

    private ValueTask<V1.RuleSet> GetRuleSetAsync(V1.GetRuleSetRequest request, ServerCallContext context) =>
        scoring.GetRuleSet(request.RuleSet, ApiKeyInterceptor.CallerOf(context), out var error) is { } rs ? ValueTask.FromResult(rs) : throw Fault(error!);

    internal static RpcException Fault(ScoringError error)
    {
        // The field leads the message, once: many messages already begin with it ("platform_id is required").
        var named = error.Field.Length == 0 || error.Message.StartsWith(error.Field, StringComparison.Ordinal);
        var status = new Status(StatusCodes(error.Code), named ? error.Message : $"{error.Field}: {error.Message}");
        return new RpcException(status, ErrorDetails.ForField(status, error.Field));
    }

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
