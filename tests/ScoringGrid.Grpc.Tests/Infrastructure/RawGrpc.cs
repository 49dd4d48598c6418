using System.Buffers.Binary;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>Hand-made gRPC requests, for checking the wire behaviour our own client would never produce.</summary>
public static class RawGrpc
{
    public static byte[] Frame(IMessage message, bool compressedFlag = false) => Frame(message.ToByteArray(), compressedFlag);

    public static byte[] Frame(byte[] payload, bool compressedFlag = false)
    {
        byte[] frame = new byte[5 + payload.Length];
        frame[0] = compressedFlag ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static async Task<RawResponse> SendAsync(
        HttpClient client,
        string path,
        byte[] body,
        string? contentType = "application/grpc",
        HttpMethod? method = null,
        IReadOnlyDictionary<string, string>? headers = null,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, path)
        {
            Version = new Version(2, 0),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (method is null || method == HttpMethod.Post)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (KeyValuePair<string, string> header in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        byte[] responseBody = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new RawResponse((int)response.StatusCode, Flatten(response.Headers, response.Content.Headers), Flatten(response.TrailingHeaders, null), responseBody);
    }

    private static Dictionary<string, string> Flatten(HttpHeaders headers, HttpHeaders? more)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, HeaderStringValues> header in headers.NonValidated)
        {
            result[header.Key] = header.Value.ToString();
        }

        if (more is not null)
        {
            foreach (KeyValuePair<string, HeaderStringValues> header in more.NonValidated)
            {
                result[header.Key] = header.Value.ToString();
            }
        }

        return result;
    }
}

public sealed record RawResponse(int HttpStatus, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Trailers, byte[] Body)
{
    /// <summary>grpc-status from the trailers, or from the headers of a trailers-only response.</summary>
    public string? GrpcStatus => Trailers.TryGetValue("grpc-status", out string? t) ? t : Headers.TryGetValue("grpc-status", out string? h) ? h : null;

    public string? GrpcMessage => Trailers.TryGetValue("grpc-message", out string? t) ? t : Headers.TryGetValue("grpc-message", out string? h) ? h : null;

    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status");
}
