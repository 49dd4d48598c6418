using System.Buffers;
using System.IO.Compression;
using ScoringGrid.Grpc.Internal;

namespace ScoringGrid.Grpc;

/// <summary>The <c>gzip</c> message encoding, on System.IO.Compression.</summary>
public sealed class GzipCompressionProvider : ICompressionProvider
{
    /// <summary>The shared instance with the fastest compression level.</summary>
    public static readonly GzipCompressionProvider Default = new(CompressionLevel.Fastest);

    private readonly CompressionLevel _level;

    /// <summary>Creates a provider compressing at <paramref name="level"/>.</summary>
    public GzipCompressionProvider(CompressionLevel level) => _level = level;

    /// <inheritdoc />
    public string EncodingName => "gzip";

    /// <inheritdoc />
    public void Compress(ReadOnlySpan<byte> data, IBufferWriter<byte> output)
    {
        using var target = new BufferWriterStream(output);
        using (var gzip = new GZipStream(target, _level, leaveOpen: true))
        {
            gzip.Write(data);
        }
    }

    /// <inheritdoc />
    public bool TryDecompress(ReadOnlySequence<byte> data, IBufferWriter<byte> output, int maxSize)
    {
        using var source = new SequenceReadStream(data);
        using var gzip = new GZipStream(source, CompressionMode.Decompress);
        long total = 0;
        while (true)
        {
            Span<byte> span = output.GetSpan(16 * 1024);
            int read = gzip.Read(span);
            if (read == 0)
            {
                return true;
            }

            total += read;
            if (total > maxSize)
            {
                return false;
            }

            output.Advance(read);
        }
    }
}
