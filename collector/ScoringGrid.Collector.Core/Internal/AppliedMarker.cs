using System.Globalization;

namespace ScoringGrid.Collector.Internal;

// The newest chunk of a platform applied in Redis: health field `applied`, "<ts_ms> <chunk index>".
// A target's scrape timestamps rise strictly and its chunks are written in order, so markers
// order every write of a platform: a chunk at or below the marker is already in Redis.
internal readonly record struct AppliedMarker(long TimestampMs, int Chunk) : IComparable<AppliedMarker>
{
    // No marker in Redis (a new platform, or data written before markers existed).
    public static AppliedMarker None { get; } = new(long.MinValue, 0);

    public static AppliedMarker Parse(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space > 0
            && long.TryParse(text.AsSpan(0, space), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ts)
            && int.TryParse(text.AsSpan(space + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chunk)
                ? new AppliedMarker(ts, chunk)
                : None; // absent or unreadable: nothing is taken as applied
    }

    public int CompareTo(AppliedMarker other) =>
        TimestampMs != other.TimestampMs ? TimestampMs.CompareTo(other.TimestampMs) : Chunk.CompareTo(other.Chunk);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TimestampMs} {Chunk}");
}
