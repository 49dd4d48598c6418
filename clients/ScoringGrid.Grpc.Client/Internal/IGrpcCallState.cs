namespace ScoringGrid.Grpc.Client.Internal;

/// <summary>The untyped side of a call the public call wrappers expose.</summary>
internal interface IGrpcCallState : IDisposable
{
    Task<Metadata> ResponseHeadersAsync { get; }

    Status GetStatus();

    Metadata GetTrailers();
}
