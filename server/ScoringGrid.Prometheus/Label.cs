namespace ScoringGrid.Prometheus;

/// <summary>One label of a parsed sample: name and unescaped value.</summary>
/// <param name="Name">The label name.</param>
/// <param name="Value">The unescaped label value.</param>
public readonly record struct Label(string Name, string Value);
