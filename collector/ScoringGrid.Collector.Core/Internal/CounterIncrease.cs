namespace ScoringGrid.Collector.Internal;

// The result of CounterMath.Increase: the increase, how many resets it crossed, and how many finite samples it used.
internal readonly record struct CounterIncrease(double Total, int Resets, int SamplesUsed);
