namespace ScoringGrid.Grpc.Client;

/// <summary>Per-call options: metadata, deadline, cancellation and request compression.</summary>
public readonly record struct CallOptions
{
    /// <summary>Custom metadata sent as request headers (<c>-bin</c> keys base64-encoded).</summary>
    public Metadata? Headers { get; init; }

    /// <summary>
    /// When the call must end (UTC). Sent as <c>grpc-timeout</c> and enforced locally: the call
    /// fails with DEADLINE_EXCEEDED and the stream is reset.
    /// </summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Cancels the call (RST_STREAM); the call fails with CANCELLED.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Compress request messages with this encoding, e.g. <c>gzip</c>; null sends them uncompressed.</summary>
    public string? WriteCompression { get; init; }
}
