using System.Diagnostics;
using ScoringGrid.Rounds.Tests.Support;
using StackExchange.Redis;

namespace ScoringGrid.Rounds.Tests.Durability;

// Its own Redis: these tests freeze the server.
public sealed class RedisStallTests : IDisposable
{
    // Short, so the test is quick; far under the guard below, so a hang cannot pass for a timeout.
    private const int ConnectionTimeoutMs = 1_500;
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly RedisServerFixture _redis = new();
    private readonly ConnectionMultiplexer _connection;

    public RedisStallTests()
    {
        var options = ConfigurationOptions.Parse(_redis.Endpoint);
        options.SyncTimeout = ConnectionTimeoutMs;
        options.AbortOnConnectFail = false;
        _connection = ConnectionMultiplexer.Connect(options);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _redis.Dispose();
    }

    [Fact]
    public async Task ARedisThatStopsAnswering_FailsEveryKindOfCallWithinTheTimeout_AndNothingIsHalfDone()
    {
        // A frozen server keeps its socket open and answers nothing. StackExchange.Redis 1.2.6 would
        // leave an asynchronous call waiting for good; Rounds bounds each by the connection's timeout.
        var registry = new RedisDisqualificationRegistry(_connection, TimeProvider.System, "stall", TimeSpan.Zero);
        var rounds = new ScoringRounds(_connection, RoundsHarness.ShippedCatalog,
            new RoundsOptions { KeyPrefix = "stall", Registry = registry, BatchSize = 8 });
        await rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await rounds.SubmitApplicationAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5), "key-portal");
        var second = Applications.Zhejiang2021("a2", "ningbo", 2.0 / 3);

        _redis.Freeze();
        var failures = new List<(string Call, Exception Error, TimeSpan Took)>();
        try
        {
            await Expect("GetRound", () => rounds.GetRoundAsync("zj-1"));
            await Expect("Submit", () => rounds.SubmitApplicationAsync("zj-1", second, "key-portal"));
            await Expect("Rank", () => rounds.RankRoundAsync("zj-1"));
            await Expect("AuditTrail", () => rounds.GetAuditTrailAsync("zj-1"));
            await Expect("Disqualify", () => registry.DisqualifyAsync("CC-STALL", "r", DateOnly.FromDateTime(DateTime.UtcNow), "key-admin"));
        }
        finally
        {
            _redis.Thaw();
        }

        Assert.All(failures, f =>
        {
            Assert.IsAssignableFrom<TimeoutException>(f.Error);
            Assert.True(f.Took < TimeSpan.FromSeconds(20), $"{f.Call} took {f.Took} to give up");
        });
        Assert.Contains(failures, f => f.Error.Message.Contains($"{ConnectionTimeoutMs} ms", StringComparison.Ordinal));

        // Once Redis answers, the refused submission goes through as the first revision, and the round holds exactly what was acknowledged.
        var receipt = await rounds.SubmitApplicationAsync("zj-1", second, "key-portal");
        Assert.Equal(1, receipt.Revision);
        Assert.Equal(["a1", "a2"], (await rounds.ListApplicationsAsync("zj-1")).Order(StringComparer.Ordinal));
        Assert.Single(await rounds.GetSubmissionHistoryAsync("zj-1", "a2"));
        Assert.Equal(2, (await rounds.RankRoundAsync("zj-1")).Entries.Count);

        async Task Expect<T>(string call, Func<Task<T>> action)
        {
            var clock = Stopwatch.StartNew();
            var error = await Record.ExceptionAsync(() => action().WaitAsync(Guard));
            Assert.NotNull(error);
            failures.Add((call, error, clock.Elapsed));
        }
    }
}
