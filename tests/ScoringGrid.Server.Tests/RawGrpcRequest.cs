namespace ScoringGrid.Server.Tests;

/// <summary>
/// A <c>scoringgrid.v1.Scoring</c> call built by hand (HTTP/2 exactly, <c>application/grpc</c>,
/// <c>te: trailers</c>), for what our client would never send: bytes that do not parse, headers the
/// server refuses, many frames in one body.
/// </summary>
internal static class RawGrpcRequest
{
    /// <summary>A POST of <paramref name="body"/> (already framed) to <paramref name="method"/> of the Scoring service.</summary>
    public static HttpRequestMessage Create(string grpcAddress, string method, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{grpcAddress}/scoringgrid.v1.Scoring/{method}")
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        return request;
    }

    /// <summary>Each message behind its uncompressed length prefix, one after the other.</summary>
    public static byte[] Frames(params byte[][] messages)
    {
        var body = new MemoryStream();
        Span<byte> prefix = stackalloc byte[5];
        foreach (var message in messages)
        {
            prefix[0] = 0;
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(prefix[1..], (uint)message.Length);
            body.Write(prefix);
            body.Write(message);
        }

        return body.ToArray();
    }
}
