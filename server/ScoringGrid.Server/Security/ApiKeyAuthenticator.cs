using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace ScoringGrid.Server.Security;

/// <summary>Resolves <c>authorization: Bearer &lt;key&gt;</c> to a <see cref="CallerIdentity"/>.</summary>
public sealed class ApiKeyAuthenticator
{
    private const string BearerPrefix = "Bearer ";
    private readonly FrozenDictionary<string, CallerIdentity> _byHash;

    /// <summary>Builds the key table; throws naming the key when an entry is invalid.</summary>
    public ApiKeyAuthenticator(SecurityOptions options, TimeProvider time)
    {
        var keys = new Dictionary<string, CallerIdentity>(StringComparer.Ordinal);
        for (int i = 0; i < options.ApiKeys.Count; i++)
        {
            ApiKeyOptions key = options.ApiKeys[i];
            string where = $"ScoringGrid:Security:ApiKeys:{i} (id '{key.Id}')";
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                throw new InvalidOperationException($"{where}: Id is required.");
            }

            string hash = key.Sha256.Trim().ToLowerInvariant();
            if (hash.Length != 64 || !IsHex(hash))
            {
                throw new InvalidOperationException($"{where}: Sha256 must be 64 hex digits.");
            }

            if (string.IsNullOrWhiteSpace(key.Tenant))
            {
                throw new InvalidOperationException($"{where}: Tenant is required (a province, or '*').");
            }

            TokenBucket? bucket = RateLimitOf(key, time, where);
            var identity = new CallerIdentity(key.Id, ParseScopes(key.Scopes, where), key.Tenant.Trim(), bucket);
            if (!keys.TryAdd(hash, identity))
            {
                throw new InvalidOperationException($"{where}: the same key hash is configured twice.");
            }
        }

        _byHash = keys.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The configured keys' identities.</summary>
    public IEnumerable<CallerIdentity> Keys => _byHash.Values;

    /// <summary>False when no keys are configured: every caller is <see cref="CallerIdentity.Anonymous"/>.</summary>
    public bool IsEnabled => _byHash.Count > 0;

    /// <summary>Looks the presented header up; null when missing, malformed or unknown.</summary>
    public CallerIdentity? Authenticate(string? authorization)
    {
        if (!IsEnabled)
        {
            return CallerIdentity.Anonymous;
        }

        if (authorization is null || !authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        ReadOnlySpan<char> key = authorization.AsSpan(BearerPrefix.Length).Trim();
        if (key.IsEmpty || key.Length > 512)
        {
            return null;
        }

        return _byHash.GetValueOrDefault(HashKey(key));
    }

    /// <summary>The hex SHA-256 to configure for <paramref name="key"/>.</summary>
    public static string HashKey(ReadOnlySpan<char> key)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(key.Length)];
        int length = Encoding.UTF8.GetBytes(key, utf8);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], digest);
        return Convert.ToHexStringLower(digest);
    }

    // 0 means unlimited; anything else a bucket could not honour is refused rather than guessed at.
    private static TokenBucket? RateLimitOf(ApiKeyOptions key, TimeProvider time, string where)
    {
        if (!double.IsFinite(key.RatePerSecond) || key.RatePerSecond < 0)
        {
            throw new InvalidOperationException($"{where}: RatePerSecond must be 0 (unlimited) or a positive number of calls or applications per second.");
        }

        if (key.Burst != 0 && !(key.Burst >= 1 && double.IsFinite(key.Burst)))
        {
            throw new InvalidOperationException($"{where}: Burst must be at least 1 (a burst below one call would refuse every call).");
        }

        if (key.RatePerSecond == 0)
        {
            return key.Burst == 0 ? null
                : throw new InvalidOperationException($"{where}: Burst needs RatePerSecond; without one the key is unlimited.");
        }

        return new TokenBucket(key.RatePerSecond, key.Burst, time);
    }

    private static ApiScope ParseScopes(List<string> names, string where)
    {
        ApiScope scopes = ApiScope.None;
        foreach (string name in names)
        {
            scopes |= name.Trim().ToLowerInvariant() switch
            {
                "score" => ApiScope.Score,
                "verify" => ApiScope.Verify,
                "admin" => ApiScope.Admin,
                "expert" => ApiScope.Expert,
                _ => throw new InvalidOperationException($"{where}: unknown scope '{name}' (score, verify, admin, expert)."),
            };
        }

        return scopes;
    }

    private static bool IsHex(string s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
