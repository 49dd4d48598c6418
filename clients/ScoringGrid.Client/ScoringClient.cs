using System.Runtime.CompilerServices;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;
using ScoringGrid.V1;

namespace ScoringGrid.Client;

/// <summary>
/// A client of the Scoring API. Thread-safe; keep one per server. Errors surface as
/// <see cref="RpcException"/> with the server's status and message.
/// </summary>
public sealed class ScoringClient : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Metadata? _headers;
    private readonly bool _ownsChannel;

    /// <summary>A client over an existing channel; <paramref name="apiKey"/> is sent as <c>authorization: Bearer</c>.</summary>
    public ScoringClient(GrpcChannel channel, string? apiKey = null)
        : this(channel, apiKey, ownsChannel: false)
    {
    }

    private ScoringClient(GrpcChannel channel, string? apiKey, bool ownsChannel)
    {
        _channel = channel;
        _ownsChannel = ownsChannel;
        _headers = string.IsNullOrEmpty(apiKey) ? null : new Metadata().Add("authorization", "Bearer " + apiKey);
    }

    /// <summary>A client with its own channel to <paramref name="address"/> (<c>http://</c> for h2c, <c>https://</c> for TLS).</summary>
    public static ScoringClient Create(string address, string? apiKey = null, GrpcChannelOptions? options = null) =>
        new(GrpcChannel.ForAddress(address, options), apiKey, ownsChannel: true);

    /// <summary>Scores one application; an invalid one fails with INVALID_ARGUMENT or NOT_FOUND naming the field.</summary>
    public Task<EvaluateResponse> EvaluateAsync(
        Application application, DateTime? deadline = null, CancellationToken cancellationToken = default, ResultView view = ResultView.Full) =>
        _channel.UnaryAsync(ScoringMethods.Evaluate, new EvaluateRequest { Application = application, View = view }, Options(deadline, cancellationToken));

    /// <summary>
    /// Scores many applications over one <c>EvaluateStream</c>, sending while receiving; responses come
    /// in input order and a bad application yields its error in its response. Requests are sent in
    /// batches of up to 32 KB, so the sequence should not wait on this call's responses. If the
    /// sequence itself throws, the call is cancelled and the enumeration ends with that exception,
    /// after the responses that had already arrived.
    /// </summary>
    public async IAsyncEnumerable<EvaluateResponse> EvaluateManyAsync(
        IEnumerable<Application> applications, [EnumeratorCancellation] CancellationToken cancellationToken = default, ResultView view = ResultView.Full)
    {
        using var call = _channel.DuplexStreamingCall(ScoringMethods.EvaluateStream, Options(null, cancellationToken));
        var sequenceFailure = new StrongBox<Exception?>();
        var sending = SendAllAsync(call, applications, view, sequenceFailure, cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException) when (Volatile.Read(ref sequenceFailure.Value) is not null)
            {
                // The call was cancelled because the sequence failed: that failure is the one to report.
                break;
            }

            if (!more)
            {
                break;
            }

            yield return call.ResponseStream.Current;
        }

        await sending.ConfigureAwait(false);
        if (Volatile.Read(ref sequenceFailure.Value) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>The rule sets the caller's tenant may use.</summary>
    public Task<ListRuleSetsResponse> ListRuleSetsAsync(CancellationToken cancellationToken = default) =>
        _channel.UnaryAsync(ScoringMethods.ListRuleSets, new ListRuleSetsRequest(), Options(null, cancellationToken));

    /// <summary>One rule set in full (<c>id</c> or <c>id@version</c>).</summary>
    public Task<RuleSet> GetRuleSetAsync(string ruleSet, CancellationToken cancellationToken = default) =>
        _channel.UnaryAsync(ScoringMethods.GetRuleSet, new GetRuleSetRequest { RuleSet = ruleSet }, Options(null, cancellationToken));

    /// <summary>
    /// Verifies declared figures against the platform's scraped metrics; fails with FAILED_PRECONDITION
    /// when the server has no Redis configured.
    /// </summary>
    public Task<VerifyFiguresResponse> VerifyFiguresAsync(VerifyFiguresRequest request, DateTime? deadline = null, CancellationToken cancellationToken = default) =>
        _channel.UnaryAsync(ScoringMethods.VerifyFigures, request, Options(deadline, cancellationToken));

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsChannel)
        {
            _channel.Dispose();
        }
    }

    private CallOptions Options(DateTime? deadline, CancellationToken cancellationToken) =>
        new() { Headers = _headers, Deadline = deadline, CancellationToken = cancellationToken };

    private static async Task SendAllAsync(
        AsyncDuplexStreamingCall<EvaluateRequest, EvaluateResponse> call, IEnumerable<Application> applications, ResultView view,
        StrongBox<Exception?> sequenceFailure, CancellationToken cancellationToken)
    {
        // Requests go out in batches of up to 32 KB (and the rest when the sequence ends): one
        // HTTP/2 write per batch instead of per application.
        var requests = call.RequestStream;
        requests.WriteOptions = WriteOptions.Buffered;
        using var enumerator = applications.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    break;
                }
            }
            catch (Exception e)
            {
                // Left open, the call would have the server wait for the rest of the applications and
                // the caller for their answers: cancel it, and let the reader report why.
                Volatile.Write(ref sequenceFailure.Value, e);
                call.Dispose();
                return;
            }

            await requests.WriteAsync(new EvaluateRequest { Application = enumerator.Current, View = view }, cancellationToken).ConfigureAwait(false);
        }

        await requests.CompleteAsync().ConfigureAwait(false);
    }
}
