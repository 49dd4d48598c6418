using System.Collections.Frozen;

namespace ScoringGrid.Grpc;

/// <summary>
/// The encodings an endpoint supports, looked up by <c>grpc-encoding</c> name, and the
/// <c>grpc-accept-encoding</c> value advertising them.
/// </summary>
public sealed class CompressionProviderSet
{
    /// <summary>Only gzip (plus identity, always accepted).</summary>
    public static readonly CompressionProviderSet Default = new([GzipCompressionProvider.Default]);

    private readonly FrozenDictionary<string, ICompressionProvider> _byName;

    /// <summary>Creates a set of providers.</summary>
    public CompressionProviderSet(IEnumerable<ICompressionProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var map = new Dictionary<string, ICompressionProvider>(StringComparer.OrdinalIgnoreCase);
        foreach (ICompressionProvider provider in providers)
        {
            map[provider.EncodingName] = provider;
        }

        _byName = map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        AcceptEncoding = string.Join(',', [GrpcProtocol.IdentityEncoding, .. map.Keys]);
    }

    /// <summary>The <c>grpc-accept-encoding</c> value: identity and every provider.</summary>
    public string AcceptEncoding { get; }

    /// <summary>
    /// Resolves a <c>grpc-encoding</c> value: identity/absent yields true with a null provider; an
    /// unknown name yields false.
    /// </summary>
    public bool TryGet(string? encoding, out ICompressionProvider? provider)
    {
        provider = null;
        if (string.IsNullOrEmpty(encoding) || string.Equals(encoding, GrpcProtocol.IdentityEncoding, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return _byName.TryGetValue(encoding.Trim(), out provider);
    }

    /// <summary>
    /// The provider for <paramref name="preferred"/> when the peer lists it in its
    /// <c>grpc-accept-encoding</c>; null otherwise (send uncompressed).
    /// </summary>
    public ICompressionProvider? Negotiate(string? preferred, string? peerAcceptEncoding)
    {
        if (string.IsNullOrEmpty(preferred) || string.IsNullOrEmpty(peerAcceptEncoding)
            || !_byName.TryGetValue(preferred, out ICompressionProvider? provider))
        {
            return null;
        }

        foreach (Range range in peerAcceptEncoding.AsSpan().Split(','))
        {
            if (peerAcceptEncoding.AsSpan()[range].Trim().Equals(preferred, StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        return null;
    }
}
