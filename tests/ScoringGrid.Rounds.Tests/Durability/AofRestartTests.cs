using System.Collections.Concurrent;
using ScoringGrid.Rounds.Tests.Support;
using StackExchange.Redis;

namespace ScoringGrid.Rounds.Tests.Durability;

// Its own Redis: these tests kill the server.
public sealed class AofRestartTests : IDisposable
{
    private readonly RedisServerFixture _redis = new();

    public void Dispose() => _redis.Dispose();

    [Fact]
    public async Task AKilledRedis_LosesNoAcknowledgedSubmission()
    {
        var h = new RoundsHarness(_redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        var acknowledged = new ConcurrentDictionary<string, SubmissionReceipt>();
        var refused = 0;
        using var stop = new CancellationTokenSource();

        // Four writers submit as fast as they can; the server is killed (SIGKILL, no save) under them.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var app = Applications.Zhejiang2021($"w{w}-{i:0000}", "ningbo", 0.5, scale: 1 + i);
                try
                {
                    var receipt = await h.Rounds.SubmitApplicationAsync("zj-1", app, "key-portal");
                    acknowledged[receipt.ApplicationId] = receipt;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    Interlocked.Increment(ref refused);
                    await Task.Delay(20);
                }
            }
        })).ToArray();

        while (acknowledged.Count < 200)
        {
            await Task.Delay(10);
        }

        _redis.Kill();
        await Task.Delay(300);
        stop.Cancel();
        await Task.WhenAll(writers);
        var acked = acknowledged.ToArray();
        _redis.Start();
        await _redis.WaitConnectedAsync(TimeSpan.FromSeconds(20));

        Assert.True(refused > 0, "the kill happened while writers were running");
        var stored = (await h.Rounds.ListApplicationsAsync("zj-1")).ToHashSet(StringComparer.Ordinal);
        Assert.All(acked, a => Assert.Contains(a.Key, stored));
        foreach (var (id, receipt) in acked.Take(50))
        {
            var history = await h.Rounds.GetSubmissionHistoryAsync("zj-1", id);
            Assert.Equal(receipt.InputSha256, Assert.Single(history).Sha256);
            var trail = await h.Rounds.GetAuditTrailAsync("zj-1", id);
            Assert.Equal(receipt.AuditSequence, Assert.Single(trail).Sequence);
        }
    }

    [Fact]
    public async Task AShutdownAndRestart_KeepsRoundsHistoryAndAudit()
    {
        var h = new RoundsHarness(_redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 0.5));
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("a1", "ningbo", 2.0 / 3));
        await h.Rounds.EnterExpertScoreAsync("zj-1", "a1", "e1", "expert.xinchuang", 3, "key-expert");
        await h.Rounds.CloseRoundAsync("zj-1", "key-admin");

        _redis.Kill();
        _redis.Start();
        await _redis.WaitConnectedAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(RoundState.Closed, (await h.Rounds.GetRoundAsync("zj-1")).State);
        Assert.Equal(2, (await h.Rounds.GetSubmissionHistoryAsync("zj-1", "a1")).Count);
        var trail = await h.Rounds.GetAuditTrailAsync("zj-1", "a1");
        Assert.Equal(3, trail.Count);
        Assert.All(trail, r => Assert.True(h.Rounds.RederiveAsync(r).Result.Equal));
        var ranking = await h.Rounds.RankRoundAsync("zj-1");
        Assert.Equal(53, Assert.Single(ranking.Entries).TotalScore);
    }
}
