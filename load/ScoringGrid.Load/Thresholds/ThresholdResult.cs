namespace ScoringGrid.Load.Thresholds;

/// <summary>How a threshold fared.</summary>
/// <param name="Threshold">The condition as written.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Actual">The measured value (ms for latencies, a fraction for errors).</param>
/// <param name="ActualText">The measured value with its unit.</param>
public sealed record ThresholdResult(string Threshold, bool Passed, double Actual, string ActualText);
