namespace ScoringGrid.Collector.Service;

// Command line: --targets FILE, --redis CONFIG, --listen URL, --grpc-urls URL[;URL], --admin-key-sha256 HEX (repeatable),
// --leases on|off (share targets with other collectors through Redis leases; default on), --member-id ID.
internal sealed record CollectorSettings(
    string? TargetsFile, string Redis, string Listen, IReadOnlyList<string> GrpcUrls, IReadOnlyList<string> AdminKeySha256, bool Leases, string? MemberId)
{
    public static CollectorSettings Parse(string[] args)
    {
        string? targets = null;
        var redis = "127.0.0.1:6379";
        var listen = "http://127.0.0.1:9464";
        var grpcUrls = new List<string>();
        var adminKeys = new List<string>();
        var leases = true;
        string? memberId = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--targets": targets = value; break;
                case "--redis": redis = value; break;
                case "--listen": listen = value; break;
                case "--grpc-urls": grpcUrls.AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--admin-key-sha256": adminKeys.Add(AdminKey(value)); break;
                case "--leases": leases = value switch { "on" => true, "off" => false, _ => throw new ArgumentException("--leases must be on or off") }; break;
                case "--member-id": memberId = value; break;
                default: throw new ArgumentException(
                    $"unknown option {args[i]} (expected --targets, --redis, --listen, --grpc-urls, --admin-key-sha256, --leases, --member-id)");
            }

            i++;
        }

        try
        {
            // Checked now: the connection itself is made lazily, after the host has started.
            _ = CollectorRedis.Options(redis);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--redis: {e.Message}", e);
        }

        return new CollectorSettings(targets, redis, listen, grpcUrls, adminKeys, leases, memberId);
    }

    private static string AdminKey(string value)
    {
        var hash = value.Trim().ToLowerInvariant();
        return hash.Length == 64 && hash.All(char.IsAsciiHexDigit)
            ? hash
            : throw new ArgumentException("--admin-key-sha256 must be 64 hex digits: the SHA-256 of the key's UTF-8 bytes (as the server's Sha256 setting)");
    }
}
