namespace ScoringGrid.Load.Tests.Support;

/// <summary>Runs that measure time run one at a time, never beside each other on the 2 cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
