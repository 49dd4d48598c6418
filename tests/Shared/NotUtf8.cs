namespace ScoringGrid.Tests.Shared;

/// <summary>Bytes that are not UTF-8, as a client that forgets to convert its text sends them.</summary>
public static class NotUtf8
{
    /// <summary>"江苏" (Jiangsu) in GBK.</summary>
    public static readonly byte[] Gbk = [0xBD, 0xAD, 0xCB, 0xD5];

    /// <summary>
    /// A copy of <paramref name="bytes"/> (a serialized message) with the one occurrence of the ASCII text
    /// <paramref name="marker"/> replaced by <see cref="Gbk"/>; the marker is as long, so every length stays right.
    /// </summary>
    public static byte[] InPlaceOf(byte[] bytes, string marker)
    {
        var needle = System.Text.Encoding.ASCII.GetBytes(marker);
        var at = bytes.AsSpan().IndexOf(needle);
        if (at < 0 || needle.Length != Gbk.Length || bytes.AsSpan(at + 1).IndexOf(needle) >= 0)
        {
            throw new ArgumentException($"{marker} must occur once and be {Gbk.Length} bytes long", nameof(marker));
        }

        var copy = (byte[])bytes.Clone();
        Gbk.CopyTo(copy, at);
        return copy;
    }
}
