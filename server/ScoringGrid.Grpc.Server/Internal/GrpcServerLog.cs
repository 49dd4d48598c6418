using Microsoft.Extensions.Logging;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>Source-generated log messages of the gRPC server; event ids are stable (dashboards filter on them).</summary>
internal static partial class GrpcServerLog
{
    [LoggerMessage(EventId = 1, EventName = "CallStarting", Level = LogLevel.Debug, Message = "gRPC call {Method} starting.")]
    public static partial void CallStarting(ILogger logger, string method);

    [LoggerMessage(EventId = 2, EventName = "CallCompleted", Level = LogLevel.Debug, Message = "gRPC call {Method} completed with {StatusCode} in {ElapsedMilliseconds} ms.")]
    public static partial void CallCompleted(ILogger logger, string method, StatusCode statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "HandlerFailed", Level = LogLevel.Error, Message = "gRPC call {Method} failed with an unhandled exception.")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 4, EventName = "UnsupportedContentType", Level = LogLevel.Information, Message = "Request to {Path} has unsupported content type {ContentType}.")]
    public static partial void UnsupportedContentType(ILogger logger, string path, string? contentType);

    [LoggerMessage(EventId = 5, EventName = "MethodNotAllowed", Level = LogLevel.Information, Message = "Request to {Path} uses HTTP method {HttpMethod}; gRPC requires POST.")]
    public static partial void MethodNotAllowed(ILogger logger, string path, string httpMethod);

    [LoggerMessage(EventId = 6, EventName = "UnimplementedMethod", Level = LogLevel.Information, Message = "gRPC method {Path} is not implemented.")]
    public static partial void UnimplementedMethod(ILogger logger, string path);

    [LoggerMessage(EventId = 7, EventName = "DeadlineExceeded", Level = LogLevel.Debug, Message = "gRPC call {Method} exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(EventId = 8, EventName = "CallCancelled", Level = LogLevel.Debug, Message = "gRPC call {Method} was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(EventId = 9, EventName = "UnsupportedEncoding", Level = LogLevel.Information, Message = "gRPC call {Method} uses unsupported grpc-encoding {Encoding}.")]
    public static partial void UnsupportedEncoding(ILogger logger, string method, string? encoding);

    [LoggerMessage(EventId = 10, EventName = "RpcError", Level = LogLevel.Debug, Message = "gRPC call {Method} ended with {StatusCode} raised by the handler or transport.")]
    public static partial void RpcError(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(EventId = 11, EventName = "CallRejected", Level = LogLevel.Information, Message = "gRPC call {Method} was rejected by an interceptor with {StatusCode}.")]
    public static partial void CallRejected(ILogger logger, string method, StatusCode statusCode);

    [LoggerMessage(EventId = 12, EventName = "InterceptorFailed", Level = LogLevel.Error, Message = "An interceptor failed after gRPC call {Method} completed.")]
    public static partial void InterceptorFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 13, EventName = "HttpVersionNotSupported", Level = LogLevel.Information, Message = "gRPC request to {Path} uses {Protocol}; HTTP/2 is required.")]
    public static partial void HttpVersionNotSupported(ILogger logger, string path, string protocol);
}
