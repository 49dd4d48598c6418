using System.Globalization;
using System.Text;
using ScoringGrid.Collector.Tests.Support;
using Xunit.Abstractions;

namespace ScoringGrid.Collector.Tests.Scaling;

/// <summary>Two real <c>sg-collector</c> processes with one Redis and one targets file; one is killed with SIGKILL.</summary>
[Collection(ScalingCollection.Name)]
public sealed class CollectorProcessTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TwoProcesses_SplitTheTargetsFile_AndTheSurvivorOfASigkillTakesOverWithinTwoIntervals()
    {
        await Fleet.PrepareAsync(redis);
        await using var endpoint = await CountingEndpoint.StartAsync();
        var targets = Fleet.Targets(endpoint, "proc", 8, Interval);
        var ids = targets.Select(t => t.PlatformId).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"sg-targets-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, Yaml(targets));
        try
        {
            using var a = CollectorProcess.Start("--targets", file, "--redis", redis.Endpoint, "--member-id", "proc-a");
            using var b = CollectorProcess.Start("--targets", file, "--redis", redis.Endpoint, "--member-id", "proc-b");

            // Balanced: each process owns four leases (bounded-load assignment over two members).
            Dictionary<string, string?> owners = [];
            await Fleet.WaitUntilAsync(
                async () =>
                {
                    Assert.False(a.HasExited || b.HasExited, $"a collector exited:\n{a.Output}\n{b.Output}");
                    owners = await OwnersAsync(ids);
                    return owners.Values.Count(o => o == "proc-a") == 4 && owners.Values.Count(o => o == "proc-b") == 4;
                },
                TimeSpan.FromSeconds(60),
                "the two processes split the eight targets");
            await Task.Delay(Interval * 2);
            var orphans = ids.Where(id => owners[id] == "proc-a").ToList();
            Assert.All(orphans, id => Assert.NotEmpty(endpoint.Requests(id)));

            var killedAt = Fleet.Now;
            a.Kill();
            var deadAt = Fleet.Now;

            await Fleet.WaitUntilAsync(() => orphans.All(id => endpoint.FirstAfter(id, deadAt) is not null), Interval * 4, "orphans scraped by the survivor");
            var takeover = orphans.Select(id => endpoint.FirstAfter(id, deadAt)!.Value - killedAt).Max();
            output.WriteLine($"{orphans.Count} orphans; slowest scraped again {takeover.TotalMilliseconds:F0} ms after SIGKILL (interval {Interval.TotalMilliseconds} ms)");
            Assert.True(takeover <= Interval * 2, $"slowest takeover {takeover.TotalMilliseconds} ms after SIGKILL; bound {(Interval * 2).TotalMilliseconds} ms\n{b.Output}");
            await Fleet.WaitUntilAsync(
                async () => (await OwnersAsync(ids)).Values.All(o => o == "proc-b"), TimeSpan.FromSeconds(10), "the survivor owns every lease");
            endpoint.AssertNoSlotScrapedTwice(ids, Interval);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<Dictionary<string, string?>> OwnersAsync(IEnumerable<string> ids)
    {
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            owners[id] = await Fleet.LeaseOwnerAsync(redis, id);
        }

        return owners;
    }

    private static string Yaml(IEnumerable<ScrapeTarget> targets)
    {
        var yaml = new StringBuilder("targets:\n");
        foreach (var t in targets)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - platform_id: {t.PlatformId}\n    url: {t.Url}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    interval: {t.Interval.TotalMilliseconds}ms\n    timeout: {t.EffectiveTimeout.TotalMilliseconds}ms\n");
        }

        return yaml.ToString();
    }
}
