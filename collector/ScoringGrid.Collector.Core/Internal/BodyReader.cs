using System.Buffers;

namespace ScoringGrid.Collector.Internal;

// Reads a response body into pooled memory, stopping as soon as it passes the limit so a
// huge (or endless) body costs at most limit + one read of memory.
internal static class BodyReader
{
    private const int InitialSize = 64 * 1024;

    // Returns the rented buffer and the length read, or length -1 when the body exceeds `limit`
    // (the buffer is then already returned).
    public static async Task<(byte[]? Buffer, int Length)> ReadAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(InitialSize, limit + 1));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return (null, -1);
                    }

                    var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = grown;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, -1);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
