namespace ScoringGrid.Collector.Tests.Support;

// One three-master cluster for the Cluster/ tests, plus a single node to compare against;
// each test uses its own platform ids.
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterFixture>, ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis-cluster";
}
