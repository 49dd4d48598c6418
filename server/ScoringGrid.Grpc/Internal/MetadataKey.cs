namespace ScoringGrid.Grpc.Internal;

/// <summary>The spec's rules for metadata keys and ASCII values (PROTOCOL-HTTP2.md, Custom-Metadata).</summary>
internal static class MetadataKey
{
    public const string BinarySuffix = "-bin";

    public static bool IsBinary(string key) => key.EndsWith(BinarySuffix, StringComparison.OrdinalIgnoreCase);

    public static string Normalize(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        string lower = key.ToLowerInvariant();
        if (!IsValid(lower))
        {
            throw new ArgumentException($"Metadata key '{key}' may contain only 0-9 a-z _ - . characters.", nameof(key));
        }

        return lower;
    }

    // Header names are lower-case; pseudo headers (':path') are never metadata.
    public static bool IsValid(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (char c in key)
        {
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidAsciiValue(string value)
    {
        foreach (char c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }
}
