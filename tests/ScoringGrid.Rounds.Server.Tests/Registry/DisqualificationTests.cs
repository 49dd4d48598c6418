using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.Rounds.Server.Tests.Support;

namespace ScoringGrid.Rounds.Server.Tests.Registry;

/// <summary>The fraud registry marked over the Rounds API is what Hebei's <c>gate.not_banned</c> reads, in rounds and in plain Evaluate.</summary>
[Collection(RedisCollection.Name)]
public sealed class DisqualificationTests(RedisServerFixture redis) : IAsyncLifetime
{
    private RoundsServer _server = null!;

    public async Task InitializeAsync() => _server = await RoundsServer.StartAsync(redis.Endpoint);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Disqualify_MakesPlainEvaluateFailGateNotBanned_UntilLifted()
    {
        using var rounds = _server.Rounds();
        using var scoring = _server.Scoring();
        var creditCode = "CC-" + Guid.NewGuid().ToString("N")[..12];
        var application = Applications.Hebei2018("hb-fraud", creditCode);

        var before = await scoring.EvaluateAsync(application);
        var ban = await rounds.DisqualifyAsync(creditCode, "虚假申报材料");
        var during = await scoring.EvaluateAsync(application);
        var lifted = await rounds.LiftDisqualificationAsync(creditCode, "overturned on appeal");
        var after = await scoring.EvaluateAsync(application);

        Assert.True(before.Result.Eligible);
        Assert.Equal("benchmark", before.Result.Level);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal((creditCode, "虚假申报材料"), (ban.CreditCode, ban.Reason));
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ban.Since);
        Assert.Equal(today.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ban.Until);
        Assert.False(during.Result.Eligible);
        Assert.Equal("", during.Result.Level);
        Assert.False(during.Result.Criteria.Single(c => c.Id == "gate.not_banned").Passed);
        Assert.True(lifted);
        Assert.True(after.Result.Eligible);
        Assert.False(await rounds.LiftDisqualificationAsync(creditCode, "again"));
    }

    [Fact]
    public async Task TheServer_RefreshesTheRegistryInTheBackground_SoRequestsNeverWaitOnRedisForIt()
    {
        // With no request arriving, the server still reads the registry's version key, twice per
        // refresh interval (1 s): plain scoring then finds the snapshot fresh on its request threads.
        // The probe reads Redis's command counts without blocking a thread, with the patience the
        // other fixtures give a loaded machine: with the library's defaults (a blocking INFO, a one-second
        // timeout) CI once timed out on the probe itself, before the server's refreshes were ever counted.
        var options = ScoringGrid.Collector.CollectorRedis.Options(redis.Endpoint);
        options.AllowAdmin = true;
        options.SyncTimeout = 10_000;
        using var admin = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(options);
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        var before = await GetCallsAsync(server);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var calls = before;
        while (calls < before + 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            calls = await GetCallsAsync(server);
        }

        Assert.True(calls >= before + 3, $"GET calls {before} -> {calls} while idle");
    }

    private static async Task<long> GetCallsAsync(StackExchange.Redis.IServer server)
    {
        foreach (var group in await server.InfoAsync("commandstats"))
        {
            foreach (var (key, value) in group)
            {
                if (key == "cmdstat_get")
                {
                    // "calls=12,usec=34,usec_per_call=2.83,..."
                    var calls = value.Split(',')[0];
                    return long.Parse(calls["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }

        return 0;
    }

    [Fact]
    public async Task ABannedApplicant_IsExcludedFromAHebeiRanking()
    {
        using var rounds = _server.Rounds();
        var id = RoundsServer.NewRoundId("hb");
        var banned = "CC-" + Guid.NewGuid().ToString("N")[..12];
        await rounds.CreateRoundAsync(id, Applications.Hebei);
        await rounds.SubmitApplicationAsync(id, Applications.Hebei2018("h-clean", "CC-" + Guid.NewGuid().ToString("N")[..12]));
        await rounds.SubmitApplicationAsync(id, Applications.Hebei2018("h-banned", banned));

        // A ban dated three years back or more has expired; one from last year is in force.
        await rounds.DisqualifyAsync(banned, "duplicate application", since: DateTime.UtcNow.AddYears(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var ranking = await rounds.RankRoundAsync(id);

        Assert.Equal("expert_among_eligible", ranking.Mode);
        Assert.Equal(["h-clean"], ranking.Entries.Select(e => e.ApplicationId));
        Assert.Equal(["h-banned"], ranking.Excluded);
    }

    [Fact]
    public async Task ABanOlderThanThreeYears_HasExpired()
    {
        using var rounds = _server.Rounds();
        using var scoring = _server.Scoring();
        var creditCode = "CC-" + Guid.NewGuid().ToString("N")[..12];
        var since = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-3);

        var ban = await rounds.DisqualifyAsync(creditCode, "old finding", since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var response = await scoring.EvaluateAsync(Applications.Hebei2018("hb-old", creditCode));

        Assert.Equal(since.AddYears(3).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ban.Until);
        Assert.True(response.Result.Eligible);
        Assert.True(response.Result.Criteria.Single(c => c.Id == "gate.not_banned").Passed);
    }

    [Fact]
    public async Task ABadDate_IsInvalidArgument_NamingTheField()
    {
        using var rounds = _server.Rounds();

        var error = await Assert.ThrowsAsync<RpcException>(() => rounds.DisqualifyAsync("CC-1", "r", since: "01/02/2020"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("since:", error.Status.Detail, StringComparison.Ordinal);
    }
}
