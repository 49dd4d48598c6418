namespace ScoringGrid.Rounds.Tests.Support;

// One Redis for the tests that do not stop it; each test uses its own round ids and key prefix.
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "redis";
}
