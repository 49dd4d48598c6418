using System.Collections;
using ScoringGrid.Grpc.Internal;

namespace ScoringGrid.Grpc;

/// <summary>
/// Ordered gRPC metadata (request headers, response headers or trailers). Keys are case-insensitive
/// and stored lower-case; a key may repeat.
/// </summary>
public sealed class Metadata : IEnumerable<MetadataEntry>
{
    private readonly List<MetadataEntry> _entries = [];

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Count;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    public MetadataEntry this[int index] => _entries[index];

    /// <summary>Adds an entry.</summary>
    public Metadata Add(MetadataEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Add(entry);
        return this;
    }

    /// <summary>Adds an ASCII entry.</summary>
    public Metadata Add(string key, string value) => Add(new MetadataEntry(key, value));

    /// <summary>Adds a binary entry; <paramref name="key"/> must end in <c>-bin</c>.</summary>
    public Metadata Add(string key, byte[] valueBytes) => Add(new MetadataEntry(key, valueBytes));

    /// <summary>
    /// Adds an entry received on the wire: a <c>-bin</c> value is base64-decoded (padding optional);
    /// returns false for a value that cannot be decoded or is not printable ASCII.
    /// </summary>
    public bool TryAddWireValue(string key, string wireValue)
    {
        string normalized = key.ToLowerInvariant();
        if (!MetadataKey.IsValid(normalized))
        {
            return false;
        }

        if (MetadataKey.IsBinary(normalized))
        {
            if (!Base64Binary.TryDecode(wireValue, out byte[]? bytes))
            {
                return false;
            }

            _entries.Add(new MetadataEntry(normalized, bytes));
            return true;
        }

        if (!MetadataKey.IsValidAsciiValue(wireValue))
        {
            return false;
        }

        _entries.Add(new MetadataEntry(normalized, wireValue));
        return true;
    }

    /// <summary>The last entry with <paramref name="key"/>, or null.</summary>
    public MetadataEntry? Get(string key)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The string value of the last entry with <paramref name="key"/>, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    /// <summary>The bytes of the last entry with <paramref name="key"/>, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key)?.ValueBytes;

    /// <summary>All entries with <paramref name="key"/>, in order.</summary>
    public IEnumerable<MetadataEntry> GetAll(string key)
    {
        foreach (MetadataEntry entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                yield return entry;
            }
        }
    }

    /// <summary>Removes every entry with <paramref name="key"/>; returns how many were removed.</summary>
    public int RemoveAll(string key) =>
        _entries.RemoveAll(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>Removes every entry.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>True when <paramref name="key"/> names binary metadata (ends in <c>-bin</c>).</summary>
    public static bool IsBinaryKey(string key) => MetadataKey.IsBinary(key);

    /// <inheritdoc />
    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
