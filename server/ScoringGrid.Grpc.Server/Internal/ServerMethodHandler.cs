using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>
/// The lifecycle every call shares: negotiate encodings, start the deadline, run interceptors and
/// the handler, turn the outcome into one status, report it to the interceptors that saw it start.
/// Shape-specific work is in <see cref="InvokeAsync"/>.
/// </summary>
internal abstract class ServerMethodHandler(string path, MethodType type)
{
    public string Path { get; } = path;

    public MethodType Type { get; } = type;

    public async Task HandleAsync(HttpContext httpContext, GrpcServerRuntime runtime)
    {
        var call = new ServerCallContext(httpContext, runtime, Path, Type);
        HttpResponse response = httpContext.Response;
        IHeaderDictionary requestHeaders = httpContext.Request.Headers;
        response.ContentType = GrpcProtocol.ContentType;
        // The typed header properties: Kestrel keeps the grpc-* request headers (and grpc-encoding in
        // responses) in fields, where the string indexer would compare names case-insensitively.
        response.Headers.GrpcAcceptEncoding = runtime.Compression.AcceptEncoding;
        GrpcServerLog.CallStarting(runtime.Logger, Path);

        Status? refusal = null;
        string? encoding = First(requestHeaders.GrpcEncoding);
        if (!runtime.Compression.TryGet(encoding, out ICompressionProvider? decompression))
        {
            GrpcServerLog.UnsupportedEncoding(runtime.Logger, Path, encoding);
            refusal = GrpcErrors.UnsupportedEncoding(encoding!);
        }
        else
        {
            call.RequestDecompression = decompression;
            ICompressionProvider? compression = runtime.Compression.Negotiate(
                runtime.Options.ResponseCompression, First(requestHeaders.GrpcAcceptEncoding));
            if (compression is not null)
            {
                call.ResponseCompression = compression;
                response.Headers.GrpcEncoding = compression.EncodingName;
            }

            string? timeout = First(requestHeaders.GrpcTimeout);
            if (timeout is not null && GrpcTimeout.TryParse(timeout, out TimeSpan parsed))
            {
                if (parsed > TimeSpan.Zero)
                {
                    call.StartDeadline(parsed);
                }
                else
                {
                    // "0n": the client's deadline passed before the call arrived; no work is wanted.
                    GrpcServerLog.DeadlineExceeded(runtime.Logger, Path);
                    refusal = GrpcErrors.DeadlineExceeded();
                }
            }
        }

        Status status = await RunAsync(call, runtime, refusal).ConfigureAwait(false);
        status = await call.CompleteAsync(status).ConfigureAwait(false);
        TimeSpan elapsed = call.Elapsed;
        GrpcServerLog.CallCompleted(runtime.Logger, Path, status.StatusCode, elapsed.TotalMilliseconds);
        // Only the interceptors that saw the call start see it end, so each can pair the two.
        for (int i = call.InterceptorsStarted - 1; i >= 0; i--)
        {
            try
            {
                runtime.Interceptors[i].OnCallCompleted(call, status, elapsed);
            }
            catch (Exception ex)
            {
                GrpcServerLog.InterceptorFailed(runtime.Logger, Path, ex);
            }
        }
    }

    protected abstract ValueTask InvokeAsync(ServerCallContext call);

    /// <summary>
    /// Runs the interceptors, then the handler unless an interceptor or the transport's own
    /// <paramref name="refusal"/> (found in the headers) ends the call first. The interceptors run
    /// even for a refused call, so that every call they are told of has started for them.
    /// </summary>
    private async ValueTask<Status> RunAsync(ServerCallContext call, GrpcServerRuntime runtime, Status? refusal)
    {
        try
        {
            IGrpcCallInterceptor[] interceptors = runtime.Interceptors;
            for (int i = 0; i < interceptors.Length; i++)
            {
                call.InterceptorsStarted = i + 1;
                Status? rejection = await interceptors[i].OnCallStartingAsync(call).ConfigureAwait(false);
                if (rejection is { } rejected)
                {
                    GrpcServerLog.CallRejected(runtime.Logger, Path, rejected.StatusCode);
                    return rejected;
                }
            }

            if (refusal is { } refused)
            {
                return refused;
            }

            await InvokeAsync(call).ConfigureAwait(false);
            return call.Status;
        }
        catch (RpcException ex)
        {
            foreach (MetadataEntry entry in ex.Trailers)
            {
                call.ResponseTrailers.Add(entry);
            }

            GrpcServerLog.RpcError(runtime.Logger, Path, ex.StatusCode);
            return ex.Status;
        }
        catch (OperationCanceledException) when (call.DeadlineReached)
        {
            return GrpcErrors.DeadlineExceeded();
        }
        catch (Exception ex) when (call.ClientLeft(ex))
        {
            GrpcServerLog.CallCancelled(runtime.Logger, Path);
            return GrpcErrors.Cancelled();
        }
        catch (Exception ex)
        {
            GrpcServerLog.HandlerFailed(runtime.Logger, Path, ex);
            return GrpcErrors.HandlerException(ex, runtime.Options.EnableDetailedErrors);
        }
    }

    private static string? First(StringValues values) => values.Count > 0 ? values[0] : null;
}
