using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using ScoringGrid.Grpc.Server.Internal;

namespace ScoringGrid.Grpc.Server;

/// <summary>
/// The server side of one call: what was asked (method, headers, deadline), the means to answer
/// (response headers, trailers, status) and a token that fires on client cancel or deadline.
/// </summary>
public sealed partial class ServerCallContext
{
    private readonly HttpContext _http;
    private readonly GrpcServerRuntime _runtime;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private Dictionary<object, object?>? _items;
    private string? _peer;
    private CancellationToken _cancellation;
    private bool _cancellationTaken;

    internal ServerCallContext(HttpContext httpContext, GrpcServerRuntime runtime, string method, MethodType methodType)
    {
        _http = httpContext;
        _runtime = runtime;
        Method = method;
        MethodType = methodType;
        _startTimestamp = runtime.TimeProvider.GetTimestamp();
    }

    /// <summary>The method path, <c>/package.Service/Method</c>.</summary>
    public string Method { get; }

    /// <summary>The call shape.</summary>
    public MethodType MethodType { get; }

    /// <summary>The <c>:authority</c> the client addressed.</summary>
    public string Host => _http.Request.Host.Value ?? string.Empty;

    /// <summary>The client address in gRPC's form, e.g. <c>ipv4:127.0.0.1:50312</c>.</summary>
    public string Peer => _peer ??= FormatPeer(_http.Connection);

    /// <summary>When the call must end (UTC); <see cref="DateTime.MaxValue"/> without <c>grpc-timeout</c>.</summary>
    public DateTime Deadline { get; private set; } = DateTime.MaxValue;

    /// <summary>The client's custom metadata (reserved gRPC and HTTP headers excluded).</summary>
    public Metadata RequestHeaders => _requestHeaders ??= ReadRequestHeaders(_http.Request.Headers);

    /// <summary>Metadata sent after the last message, with the status.</summary>
    public Metadata ResponseTrailers => _responseTrailers ??= new Metadata();

    /// <summary>The status sent when the handler returns normally; OK unless set.</summary>
    public Status Status { get; set; } = Status.DefaultSuccess;

    /// <summary>Fires when the client cancels (RST_STREAM, disconnect) or the deadline passes.</summary>
    public CancellationToken CancellationToken
    {
        get
        {
            // Taken from Kestrel on first use: its RequestAborted takes a lock and makes a token source per
            // request, which most unary calls never need.
            if (!_cancellationTaken)
            {
                _cancellation = _http.RequestAborted;
                _cancellationTaken = true;
            }

            return _cancellation;
        }
    }

    /// <summary>
    /// Who is calling, as an authenticating interceptor established it (its own type); null when none did.
    /// One slot, so the common hand-over from interceptor to handler needs no <see cref="Items"/> dictionary.
    /// </summary>
    public object? Caller { get; set; }

    /// <summary>State shared between interceptors and the handler for this call.</summary>
    public IDictionary<object, object?> Items => _items ??= [];

    /// <summary>The underlying ASP.NET Core request (connection info, features, services).</summary>
    public HttpContext HttpContext => _http;

    /// <summary>
    /// Sends response headers now, before the first message. Allowed once, before anything was written.
    /// </summary>
    public async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await EnterWriteAsync().ConfigureAwait(false);
        try
        {
            if (_completed)
            {
                throw new InvalidOperationException("Response headers cannot be written after the call completed.");
            }

            HttpResponse response = _http.Response;
            if (response.HasStarted || _messageWritten)
            {
                throw new InvalidOperationException("Response headers can only be written once, before the first message.");
            }

            foreach (MetadataEntry entry in responseHeaders)
            {
                response.Headers.Append(entry.Key, entry.Value);
            }

            await response.BodyWriter.FlushAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ExitWrite();
        }
    }

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (KeyValuePair<string, StringValues> header in headers)
        {
            if (IsReservedRequestHeader(header.Key))
            {
                continue;
            }

            foreach (string? value in header.Value)
            {
                // A header that is not valid metadata (bad base64) is dropped rather than failing the call.
                _ = metadata.TryAddWireValue(header.Key, value ?? string.Empty);
            }
        }

        return metadata;
    }

    private static bool IsReservedRequestHeader(string name) =>
        name.StartsWith(':')
        || name.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || name.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || name.Equals("te", StringComparison.OrdinalIgnoreCase)
        || name.Equals("host", StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcProtocol.TimeoutHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcProtocol.EncodingHeader, StringComparison.OrdinalIgnoreCase)
        || name.Equals(GrpcProtocol.AcceptEncodingHeader, StringComparison.OrdinalIgnoreCase);

    private static string FormatPeer(ConnectionInfo connection)
    {
        IPAddress? address = connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"ipv6:[{address}]:{connection.RemotePort}"
            : $"ipv4:{address}:{connection.RemotePort}";
    }
}
