using ScoringGrid.Collector.Tests.Support;

namespace ScoringGrid.Collector.Tests.Scaling;

// One Redis for the scale-out tests, run one after another: they share `sg:targets` and
// `sg:collectors` (each test starts by clearing them), one test stops Redis, and their timing
// bounds are easier to keep without the others' collectors competing for the two cores.
[CollectionDefinition(Name)]
public sealed class ScalingCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "scaling";
}
