namespace ScoringGrid.Collector;

/// <summary>One row of the figure → metric mapping (rulebook §7): where a declared figure's observed value comes from.</summary>
/// <param name="Figure">The figure id, e.g. <c>connected_devices</c>.</param>
/// <param name="Metric">The metric name, or <see langword="null"/> for <see cref="FigureAggregation.LoadTest"/>.</param>
/// <param name="Aggregation">How the observed value is computed.</param>
/// <param name="Label">The label for the label-based aggregations (<c>type</c>, <c>industry</c>, <c>domain</c>).</param>
/// <param name="Scale">Multiplier applied to the result (100 for a ratio reported in percent).</param>
/// <param name="LowerIsBetter">Whether the declared value is an upper bound (latency), so an observation above it is the shortfall.</param>
/// <param name="Fallback">The rule tried when <paramref name="Metric"/> was never observed.</param>
public sealed record FigureRule(
    string Figure,
    string? Metric,
    FigureAggregation Aggregation,
    string? Label = null,
    double Scale = 1,
    bool LowerIsBetter = false,
    FigureRule? Fallback = null);
