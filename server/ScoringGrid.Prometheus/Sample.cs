namespace ScoringGrid.Prometheus;

/// <summary>One parsed sample line: a series (name and labels) with its value and optional timestamp.</summary>
public readonly struct Sample
{
    internal Sample(string name, ReadOnlyMemory<Label> labels, double value, long? timestampMs, MetricFamily family)
    {
        Name = name;
        Labels = labels;
        Value = value;
        TimestampMs = timestampMs;
        Family = family;
    }

    /// <summary>The sample name as written, e.g. <c>http_duration_seconds_bucket</c>.</summary>
    public string Name { get; }

    /// <summary>The labels in the order they were written (including <c>le</c> and <c>quantile</c>).</summary>
    public ReadOnlyMemory<Label> Labels { get; }

    /// <summary>The value; may be NaN or ±Infinity.</summary>
    public double Value { get; }

    /// <summary>
    /// The timestamp in milliseconds since the Unix epoch, if the line had one (OpenMetrics
    /// float seconds are converted to milliseconds).
    /// </summary>
    public long? TimestampMs { get; }

    /// <summary>
    /// The family this sample belongs to: <c>x_bucket</c>, <c>x_sum</c> and <c>x_count</c> map
    /// to histogram <c>x</c>, and an undeclared name to an untyped family of its own.
    /// </summary>
    public MetricFamily Family { get; }

    /// <summary>Finds a label's value.</summary>
    /// <param name="name">The label name.</param>
    /// <param name="value">The value, or <see langword="null"/> if absent.</param>
    /// <returns>Whether the sample has the label.</returns>
    public bool TryGetLabel(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        foreach (var label in Labels.Span)
        {
            if (string.Equals(label.Name, name, StringComparison.Ordinal))
            {
                value = label.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Formats the sample in exposition syntax (for messages and debugging; allocates).</summary>
    /// <returns>E.g. <c>up{job="x"} 1</c>.</returns>
    public override string ToString() =>
        Internal.Parsing.SeriesText.Format(Name, Labels.Span) + " " + Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
