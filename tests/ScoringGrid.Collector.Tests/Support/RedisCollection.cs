namespace ScoringGrid.Collector.Tests.Support;

// One Redis for the tests that do not stop it; each test uses its own platform ids.
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
