using System.Buffers;

namespace ScoringGrid.Grpc;

/// <summary>A message compression named by <c>grpc-encoding</c>.</summary>
public interface ICompressionProvider
{
    /// <summary>The encoding name on the wire, e.g. <c>gzip</c>.</summary>
    string EncodingName { get; }

    /// <summary>Compresses <paramref name="data"/> into <paramref name="output"/>.</summary>
    void Compress(ReadOnlySpan<byte> data, IBufferWriter<byte> output);

    /// <summary>
    /// Decompresses <paramref name="data"/> into <paramref name="output"/>; false as soon as the
    /// output would exceed <paramref name="maxSize"/> (a small bomb must not inflate unbounded).
    /// Throws <see cref="InvalidDataException"/> for corrupt input.
    /// </summary>
    bool TryDecompress(ReadOnlySequence<byte> data, IBufferWriter<byte> output, int maxSize);
}
