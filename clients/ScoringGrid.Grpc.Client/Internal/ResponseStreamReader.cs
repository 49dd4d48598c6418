namespace ScoringGrid.Grpc.Client.Internal;

/// <summary>Reads response messages; at the end of the stream throws the status unless it is OK.</summary>
internal sealed class ResponseStreamReader<TRequest, TResponse>(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
{
    private TResponse? _current;

    public TResponse Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken = default)
    {
        (bool hasMessage, TResponse? message) = await call.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        if (hasMessage)
        {
            _current = message;
            return true;
        }

        call.ThrowIfNotOk();
        return false;
    }
}
