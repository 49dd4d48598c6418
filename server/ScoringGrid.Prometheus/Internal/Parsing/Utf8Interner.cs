using System.Numerics;
using System.Text;

namespace ScoringGrid.Prometheus.Internal.Parsing;

// Turns repeated UTF-8 names and label values of one body into one string each. Entries
// point into the body instead of copying it; the hash is randomised per process
// (<see cref="HashCode"/>) so a hostile endpoint can not force collisions, and the table is
// bounded so a body of unique strings costs no more than plain decoding.
internal sealed class Utf8Interner
{
    private const int MaxInternedLength = 256;
    private const int MaxEntries = 1 << 16;

    private Entry[] _entries;
    private int _count;

    // Room for about one new string per expected sample (its name or a label value) before the
    // table grows; it grows as needed beyond that.
    public Utf8Interner(int expectedStrings)
    {
        var length = (int)BitOperations.RoundUpToPowerOf2((uint)(Math.Clamp(expectedStrings, 128, MaxEntries) * 2));
        _entries = new Entry[length];
    }

    public string Intern(ReadOnlySpan<byte> body, int offset, int length)
    {
        var bytes = body.Slice(offset, length);
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxInternedLength || _count >= MaxEntries)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var hash = Hash(bytes);
        var mask = _entries.Length - 1;
        var index = hash & mask;
        while (_entries[index].Value is { } value)
        {
            ref readonly var entry = ref _entries[index];
            if (entry.Hash == hash && entry.Length == length && body.Slice(entry.Offset, length).SequenceEqual(bytes))
            {
                return value;
            }

            index = (index + 1) & mask;
        }

        var decoded = Encoding.UTF8.GetString(bytes);
        _entries[index] = new Entry(hash, offset, length, decoded);
        if (++_count * 2 > _entries.Length)
        {
            Grow();
        }

        return decoded;
    }

    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode() & int.MaxValue;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Value is null)
            {
                continue;
            }

            var index = entry.Hash & mask;
            while (_entries[index].Value is not null)
            {
                index = (index + 1) & mask;
            }

            _entries[index] = entry;
        }
    }

    private readonly record struct Entry(int Hash, int Offset, int Length, string? Value);
}
