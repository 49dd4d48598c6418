namespace ScoringGrid.Prometheus.Internal.Parsing;

// Stores the labels of all samples of a parse in a few large arrays: each sample's labels
// are a contiguous slice, so a body of a million samples costs a few dozen arrays, not a
// million. Full chunks are never copied or reused, so committed slices stay valid.
internal sealed class LabelArena
{
    private const int MaxChunkLength = 4096;

    private Label[] _chunk;
    private int _start;
    private int _used;

    // A first chunk of two labels per expected sample, a typical scrape's share.
    public LabelArena(int expectedSamples) => _chunk = new Label[Math.Clamp(expectedSamples * 2, 64, MaxChunkLength)];

    // Labels added since the current sample began.
    public int Count => _used - _start;

    // The current sample's labels from a relative mark (see <see cref="Count"/>) onwards.
    public ReadOnlySpan<Label> Since(int mark) => _chunk.AsSpan(_start + mark, _used - _start - mark);

    public void Add(Label label)
    {
        if (_used == _chunk.Length)
        {
            NewChunk();
        }

        _chunk[_used++] = label;
    }

    // Drops labels back to a relative mark (an exemplar's labels are validated, not kept).
    public void Truncate(int mark) => _used = _start + mark;

    // Ends the current sample and returns its labels.
    public ReadOnlyMemory<Label> Commit()
    {
        var labels = _used == _start ? ReadOnlyMemory<Label>.Empty : _chunk.AsMemory(_start, _used - _start);
        _start = _used;
        return labels;
    }

    // Forgets the current sample's labels (its line failed).
    public void Discard() => _used = _start;

    private void NewChunk()
    {
        // Chunks grow to a fixed size so small bodies stay small; the current sample's
        // labels move along so they stay contiguous.
        var count = _used - _start;
        var next = new Label[Math.Max(Math.Min(_chunk.Length * 2, MaxChunkLength), count * 2)];
        _chunk.AsSpan(_start, count).CopyTo(next);
        _chunk = next;
        _start = 0;
        _used = count;
    }
}
