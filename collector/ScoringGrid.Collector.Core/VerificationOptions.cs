namespace ScoringGrid.Collector;

/// <summary>Windows, freshness and tolerances of <see cref="FigureVerifier"/>.</summary>
public sealed record VerificationOptions
{
    /// <summary>The defaults: 30-day window, 5-minute staleness bound, 0 % tolerance, the §7 catalog.</summary>
    public static VerificationOptions Default { get; } = new();

    /// <summary>The window when the caller gives none.</summary>
    public TimeSpan DefaultWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A source whose newest sample is older than this (or is a staleness marker) is stale.</summary>
    public TimeSpan StalenessBound { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The tolerance for figures without their own, in percent.</summary>
    public double DefaultTolerancePercent { get; init; }

    /// <summary>Per-figure tolerances in percent, e.g. <c>{ "connected_devices": 2 }</c>.</summary>
    public IReadOnlyDictionary<string, double> TolerancePercent { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>The figure → metric mapping.</summary>
    public IReadOnlyDictionary<string, FigureRule> Catalog { get; init; } = FigureCatalog.Default;
}
