using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// One kind of a rule set's ids (items, figures, flags, dates or expert lines) found by their UTF-8 bytes, for
/// readers of wire formats: a hash, a slot or two in one small array and one byte comparison, where a
/// string would be decoded, hashed into a dictionary and looked up again. Under load the caches are
/// cold between requests, and this touches two or three cache lines per id instead of seven or so.
/// Open addressing at most half full, so a run of slots ends soon and mostly within one cache line;
/// each slot keeps 32 bits of its id's hash, so a slot of another id is passed over without
/// reading its bytes. The table never changes after it is built: input cannot lengthen the runs.
/// </summary>
internal sealed class Utf8IdTable
{
    private const ulong Seed = 0x9E3779B97F4A7C15UL;

    // Every id's UTF-8 bytes back to back.
    private readonly byte[] _bytes;
    private readonly Slot[] _slots;
    private readonly int _mask;

    private Utf8IdTable(byte[] bytes, Slot[] slots)
    {
        _bytes = bytes;
        _slots = slots;
        _mask = slots.Length - 1;
    }

    /// <summary>Builds the table for <paramref name="ids"/> (distinct), where an id's index is its position.</summary>
    public static Utf8IdTable Build(IReadOnlyList<string> ids)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var encoded = new byte[ids.Count][];
        var total = 0;
        for (var i = 0; i < ids.Count; i++)
        {
            if (!distinct.Add(ids[i]))
            {
                throw new ArgumentException($"id '{ids[i]}' appears twice", nameof(ids));
            }

            encoded[i] = Encoding.UTF8.GetBytes(ids[i]);
            total += encoded[i].Length;
        }

        var bytes = new byte[total];
        var slots = new Slot[BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, 2 * ids.Count))];
        var mask = slots.Length - 1;
        var at = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            encoded[i].CopyTo(bytes, at);
            var hash = Hash(encoded[i]);
            var slot = (int)hash & mask;
            while (slots[slot].IndexPlusOne != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = new Slot((uint)(hash >> 32), at, encoded[i].Length, i + 1);
            at += encoded[i].Length;
        }

        return new Utf8IdTable(bytes, slots);
    }

    /// <summary>The index of the id whose UTF-8 bytes are <paramref name="utf8"/>, or -1.</summary>
    public int Find(ReadOnlySpan<byte> utf8)
    {
        var hash = Hash(utf8);
        var fingerprint = (uint)(hash >> 32);
        var slots = _slots;
        for (var slot = (int)hash & _mask; ; slot = (slot + 1) & _mask)
        {
            ref readonly var entry = ref slots[slot];
            if (entry.IndexPlusOne == 0)
            {
                return -1;
            }

            if (entry.Fingerprint == fingerprint && entry.Length == utf8.Length && utf8.SequenceEqual(_bytes.AsSpan(entry.Start, entry.Length)))
            {
                return entry.IndexPlusOne - 1;
            }
        }
    }

    // Every byte counts (ids of one rule set often differ in one word in the middle): 8-byte words
    // mixed in, the last word read overlapping the one before, then a finalizer so that both the
    // low bits (the slot) and the high ones (the fingerprint) depend on all of them.
    private static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = Seed ^ ((ulong)bytes.Length * 0xC2B2AE3D27D4EB4FUL);
        if (bytes.Length >= 8)
        {
            for (var i = 0; i + 8 < bytes.Length; i += 8)
            {
                hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * 0x9E3779B97F4A7C15UL, 29);
            }

            hash ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }
        else
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            hash ^= tail;
        }

        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash;
    }

    // 16 bytes: four slots per cache line.
    private readonly record struct Slot(uint Fingerprint, int Start, int Length, int IndexPlusOne);
}
