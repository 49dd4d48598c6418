using System.Diagnostics;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.Rounds.Server.Tests.Support;

namespace ScoringGrid.Rounds.Server.Tests.Rounds;

/// <summary>A Redis that stops answering turns a Rounds call into UNAVAILABLE within the connection's timeout, and the server recovers with it.</summary>
// Its own Redis: the test freezes it.
public sealed class RedisStallTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private RoundsServer _server = null!;

    public async Task InitializeAsync() => _server = await RoundsServer.StartAsync(redis.Endpoint);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AFrozenRedis_GivesUnavailableNamingRedis_AndTheSameCallSucceedsOnceItAnswers()
    {
        using var admin = _server.Rounds();
        var roundId = RoundsServer.NewRoundId("stall");
        await admin.CreateRoundAsync(roundId, Applications.Zhejiang);

        redis.Freeze();
        RpcException error;
        var clock = Stopwatch.StartNew();
        try
        {
            // The server's connection times out after 5 s; the guard is far above it.
            error = await Assert.ThrowsAsync<RpcException>(() => admin.GetRoundAsync(roundId).WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            redis.Thaw();
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the call took {clock.Elapsed} to fail");
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("Redis", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(roundId, (await admin.GetRoundAsync(roundId)).Id);
    }
}
