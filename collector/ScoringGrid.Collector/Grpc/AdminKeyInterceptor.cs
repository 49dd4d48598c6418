using System.Security.Cryptography;
using System.Text;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;

namespace ScoringGrid.Collector.Service.Grpc;

// The collector's gRPC API is admin-only, so a key is simply on the list or not: the list holds
// SHA-256 hashes of admin keys, computed as the server's (`Sha256` of ApiKeys). No keys: open mode.
internal sealed partial class AdminKeyInterceptor : IGrpcCallInterceptor
{
    private const string BearerPrefix = "Bearer ";
    private readonly HashSet<string> _hashes;

    public AdminKeyInterceptor(IEnumerable<string> sha256Hex, ILogger<AdminKeyInterceptor> logger)
    {
        _hashes = new HashSet<string>(sha256Hex, StringComparer.Ordinal);
        if (_hashes.Count == 0)
        {
            LogOpenMode(logger);
        }
    }

    public ValueTask<Status?> OnCallStartingAsync(ServerCallContext context)
    {
        if (_hashes.Count == 0 || !context.Method.StartsWith("/scoringgrid.", StringComparison.Ordinal))
        {
            return ValueTask.FromResult<Status?>(null);
        }

        var header = context.HttpContext.Request.Headers.Authorization;
        var authorization = header.Count > 0 ? header.ToString() : null;
        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult<Status?>(new Status(StatusCode.Unauthenticated, "missing API key: send 'authorization: Bearer <admin key>'"));
        }

        var key = authorization.AsSpan(BearerPrefix.Length).Trim();
        return _hashes.Contains(Hash(key))
            ? ValueTask.FromResult<Status?>(null)
            : ValueTask.FromResult<Status?>(new Status(StatusCode.Unauthenticated, "unknown API key (the collector accepts admin keys only)"));
    }

    public void OnCallCompleted(ServerCallContext context, Status status, TimeSpan elapsed)
    {
    }

    internal static string Hash(ReadOnlySpan<char> key)
    {
        var utf8 = Encoding.UTF8.GetBytes(key.ToArray());
        return Convert.ToHexStringLower(SHA256.HashData(utf8));
    }

    [LoggerMessage(201, LogLevel.Warning, "No --admin-key-sha256 given: the Platforms gRPC API accepts every caller (open mode, for development only)")]
    private static partial void LogOpenMode(ILogger logger);
}
