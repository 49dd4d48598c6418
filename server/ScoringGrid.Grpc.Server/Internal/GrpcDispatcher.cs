using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>
/// Routes requests by exact path through a frozen table. Known paths are checked for POST and
/// content type; unknown paths that look like gRPC get UNIMPLEMENTED; anything else falls through
/// to the rest of the app (JSON endpoints, /metrics).
/// </summary>
internal sealed class GrpcDispatcher
{
    private readonly FrozenDictionary<string, ServerMethodHandler> _methods;
    private readonly FrozenSet<string> _services;
    private readonly GrpcServerRuntime _runtime;

    public GrpcDispatcher(IEnumerable<GrpcServiceDefinition> services, GrpcServerRuntime runtime)
    {
        var methods = new Dictionary<string, ServerMethodHandler>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (GrpcServiceDefinition service in services)
        {
            if (!names.Add(service.ServiceName))
            {
                throw new ArgumentException($"Service '{service.ServiceName}' is mapped twice.", nameof(services));
            }

            foreach (ServerMethodHandler method in service.Methods)
            {
                methods.Add(method.Path, method);
            }
        }

        _methods = methods.ToFrozenDictionary(StringComparer.Ordinal);
        _services = names.ToFrozenSet(StringComparer.Ordinal);
        _runtime = runtime;
    }

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        HttpRequest request = context.Request;
        string path = request.Path.Value ?? string.Empty;
        if (_methods.TryGetValue(path, out ServerMethodHandler? handler))
        {
            if (!HttpMethods.IsPost(request.Method))
            {
                GrpcServerLog.MethodNotAllowed(_runtime.Logger, path, request.Method);
                context.Response.Headers.Allow = "POST";
                return EarlyResponse.WriteAsync(context, StatusCodes.Status405MethodNotAllowed, GrpcErrors.MethodNotAllowed(request.Method));
            }

            if (!GrpcProtocol.IsGrpcProtoContentType(request.ContentType))
            {
                GrpcServerLog.UnsupportedContentType(_runtime.Logger, path, request.ContentType);
                return EarlyResponse.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, GrpcErrors.UnsupportedContentType(request.ContentType));
            }

            if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
            {
                GrpcServerLog.HttpVersionNotSupported(_runtime.Logger, path, request.Protocol);
                return EarlyResponse.WriteAsync(context, StatusCodes.Status426UpgradeRequired, new Status(StatusCode.Internal, "gRPC requires HTTP/2."));
            }

            return handler.HandleAsync(context, _runtime);
        }

        if (HttpMethods.IsPost(request.Method) && GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            GrpcServerLog.UnimplementedMethod(_runtime.Logger, path);
            return EarlyResponse.WriteAsync(context, StatusCodes.Status200OK, UnimplementedStatus(path));
        }

        return next(context);
    }

    private Status UnimplementedStatus(string path)
    {
        // Path is "/package.Service/Method"; name the part that is missing.
        ReadOnlySpan<char> trimmed = path.AsSpan().TrimStart('/');
        int slash = trimmed.IndexOf('/');
        if (slash <= 0)
        {
            return GrpcErrors.UnknownService(trimmed.ToString());
        }

        string service = trimmed[..slash].ToString();
        return _services.Contains(service)
            ? GrpcErrors.UnknownMethod(service, trimmed[(slash + 1)..].ToString())
            : GrpcErrors.UnknownService(service);
    }
}
