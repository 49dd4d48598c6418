using System.Text;
using ScoringGrid.Grpc.Internal;

namespace ScoringGrid.Grpc;

/// <summary>
/// One metadata entry: an ASCII key with either a printable-ASCII string value or, when the key
/// ends in <c>-bin</c>, a binary value sent base64-encoded.
/// </summary>
public sealed class MetadataEntry
{
    private readonly string? _value;
    private readonly byte[]? _bytes;

    /// <summary>Creates an ASCII entry; the key must not end in <c>-bin</c>.</summary>
    public MetadataEntry(string key, string value)
    {
        Key = MetadataKey.Normalize(key);
        ArgumentNullException.ThrowIfNull(value);
        if (MetadataKey.IsBinary(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' ends in '-bin' and needs a byte[] value.", nameof(key));
        }

        if (!MetadataKey.IsValidAsciiValue(value))
        {
            throw new ArgumentException($"Metadata value of '{Key}' must be printable ASCII (0x20-0x7E).", nameof(value));
        }

        _value = value;
    }

    /// <summary>Creates a binary entry; the key must end in <c>-bin</c>.</summary>
    public MetadataEntry(string key, byte[] valueBytes)
    {
        Key = MetadataKey.Normalize(key);
        ArgumentNullException.ThrowIfNull(valueBytes);
        if (!MetadataKey.IsBinary(Key))
        {
            throw new ArgumentException($"Metadata key '{Key}' carries bytes and must end in '-bin'.", nameof(key));
        }

        _bytes = valueBytes;
    }

    /// <summary>The lower-case key.</summary>
    public string Key { get; }

    /// <summary>True when the key ends in <c>-bin</c>.</summary>
    public bool IsBinary => _bytes is not null;

    /// <summary>The string value; for a binary entry, its base64 form as sent on the wire.</summary>
    public string Value => _value ?? Convert.ToBase64String(_bytes!);

    /// <summary>The binary value; for an ASCII entry, its ASCII bytes.</summary>
    public byte[] ValueBytes => _bytes ?? Encoding.ASCII.GetBytes(_value!);

    /// <inheritdoc />
    public override string ToString() => IsBinary ? $"{Key}: {_bytes!.Length} bytes" : $"{Key}: {_value}";
}
