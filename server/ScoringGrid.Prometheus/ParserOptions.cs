namespace ScoringGrid.Prometheus;

/// <summary>Limits and strictness of <see cref="ExpositionParser"/>. Exceeding a limit fails the parse with the reason.</summary>
public sealed record ParserOptions
{
    /// <summary>The defaults: one million samples, 64 labels per sample, 64 KiB lines, final line feed required.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>The most samples a body may hold (Prometheus' <c>sample_limit</c>).</summary>
    public int MaxSamples { get; init; } = 1_000_000;

    /// <summary>The most labels one sample may carry (Prometheus' <c>label_limit</c>).</summary>
    public int MaxLabelsPerSample { get; init; } = 64;

    /// <summary>The longest line, in bytes, excluding its line feed.</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>
    /// Whether a text 0.0.4 body must end with a line feed, as the format requires. On by
    /// default because a missing one is how a body cut off mid-number shows.
    /// </summary>
    public bool RequireFinalLineFeed { get; init; } = true;
}
