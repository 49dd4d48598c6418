using Microsoft.AspNetCore.Http;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>
/// Answers a request before any handler runs: a trailers-only response (status in the headers,
/// no body), with the HTTP status the spec asks for (415, 405, 426) or 200.
/// </summary>
internal static class EarlyResponse
{
    public static Task WriteAsync(HttpContext context, int httpStatus, Status status)
    {
        HttpResponse response = context.Response;
        response.StatusCode = httpStatus;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = StatusCodeText.Of(status.StatusCode);
        string message = GrpcStatusMessage.Encode(status.Detail);
        if (message.Length > 0)
        {
            response.Headers[GrpcProtocol.MessageHeader] = message;
        }

        return Task.CompletedTask;
    }
}
