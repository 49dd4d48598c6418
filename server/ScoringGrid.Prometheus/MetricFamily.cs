namespace ScoringGrid.Prometheus;

/// <summary>A parsed metric family: its name and the metadata its <c># TYPE</c>, <c># HELP</c> and <c># UNIT</c> lines gave.</summary>
public sealed class MetricFamily
{
    internal MetricFamily(string name)
    {
        Name = name;
    }

    /// <summary>The family name (for histograms and summaries, without the sample suffixes).</summary>
    public string Name { get; }

    /// <summary>The declared type; <see cref="MetricType.Untyped"/> if no <c># TYPE</c> line declared one.</summary>
    public MetricType Type { get; internal set; }

    /// <summary>Whether a <c># TYPE</c> line declared the type.</summary>
    public bool TypeDeclared { get; internal set; }

    /// <summary>The unescaped help text, or <see langword="null"/> without a <c># HELP</c> line.</summary>
    public string? Help { get; internal set; }

    /// <summary>The OpenMetrics unit, or <see langword="null"/> without a <c># UNIT</c> line.</summary>
    public string? Unit { get; internal set; }

    /// <summary>The number of samples of this family in the body.</summary>
    public int SampleCount { get; internal set; }

    /// <summary>Formats the family as <c>name (type)</c>.</summary>
    /// <returns>The family name and type.</returns>
    public override string ToString() => $"{Name} ({Internal.MetricTypeKeywords.ToKeyword(Type)})";
}
