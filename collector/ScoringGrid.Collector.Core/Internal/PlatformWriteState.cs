namespace ScoringGrid.Collector.Internal;

// A platform's write position as this collector last confirmed it in Redis. The store replaces
// the instance whenever Redis may differ from memory (a write whose outcome is unknown, another
// writer, lost data): series loaded under an older instance then reload before their next write.
internal sealed class PlatformWriteState
{
    // Whether Marker/MarkerText were read from Redis (or written by this collector) under this instance.
    public bool MarkerLoaded { get; set; }

    // Exactly as stored ("" when none): the script applies a chunk only if Redis still holds this text.
    public string MarkerText { get; set; } = string.Empty;

    public AppliedMarker Marker { get; set; } = AppliedMarker.None;

    public void Set(string text)
    {
        MarkerText = text;
        Marker = AppliedMarker.Parse(text);
        MarkerLoaded = true;
    }
}
