namespace ScoringGrid.Collector;

/// <summary>The check of one declared figure against what was observed.</summary>
/// <param name="Figure">The figure id.</param>
/// <param name="Declared">The declared value.</param>
/// <param name="Observed">The observed value; <see langword="null"/> when stale or unverifiable.</param>
/// <param name="Status">The outcome.</param>
/// <param name="TolerancePercent">The tolerance applied, in percent of the declared value.</param>
/// <param name="Evidence">What the observed value rests on.</param>
public sealed record FigureVerification(
    string Figure,
    double Declared,
    double? Observed,
    VerificationStatus Status,
    double TolerancePercent,
    VerificationEvidence Evidence);
