using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.Grpc;
using ScoringGrid.Rounds.Server.Tests.Support;

namespace ScoringGrid.Rounds.Server.Tests.Rounds;

/// <summary>ReplayRound against a server serving two versions of Hebei's rules from a directory.</summary>
[Collection(RedisCollection.Name)]
public sealed class ReplayTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly string _rules = Directory.CreateTempSubdirectory("sg-rules-").FullName;
    private RoundsServer _server = null!;

    public async Task InitializeAsync()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "rulesets"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(_rules, Path.GetFileName(file)));
        }

        // Hebei with an earlier first-contract deadline, as a new version of the same programme.
        var yaml = await File.ReadAllTextAsync(Path.Combine(_rules, "hb-benchmark-2018.yaml"));
        var stricter = yaml.Replace("version: \"2018.1\"", "version: \"2018.2\"", StringComparison.Ordinal)
            .Replace("on_or_before: 2018-08-31", "on_or_before: 2018-04-30", StringComparison.Ordinal);
        Assert.NotEqual(yaml, stricter);
        await File.WriteAllTextAsync(Path.Combine(_rules, "hb-benchmark-2018.v2.yaml"), stricter);
        _server = await RoundsServer.StartAsync(redis.Endpoint, _rules);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_rules, recursive: true);
    }

    [Fact]
    public async Task ReplayRound_ListsWhoChanges_AndTheRulesThatMadeTheDifference()
    {
        using var admin = _server.Rounds();
        var id = RoundsServer.NewRoundId("hb");
        var round = await admin.CreateRoundAsync(id, "hb-benchmark-2018@2018.1");
        var early = Applications.Hebei2018("h-early", "CC-" + id + "-1");
        early.Dates["first_cloud_contract_signed"] = "2018-03-01";
        await admin.SubmitApplicationAsync(id, early);
        await admin.SubmitApplicationAsync(id, Applications.Hebei2018("h-may", "CC-" + id + "-2"));

        var report = await admin.ReplayRoundAsync(id, "hb-benchmark-2018@2018.2");

        Assert.Equal((round.RuleSet, "hb-benchmark-2018@2018.2", 2), (report.From, report.To, report.Compared));
        var change = Assert.Single(report.Changes);
        Assert.Equal(("h-may", "benchmark", "", true, false), (change.ApplicationId, change.LevelBefore, change.LevelAfter, change.EligibleBefore, change.EligibleAfter));
        var rule = Assert.Single(change.Rules);
        Assert.Equal(("gate.first_contract", true, true, true, false), (rule.Id, rule.HasPassedBefore, rule.HasPassedAfter, rule.PassedBefore, rule.PassedAfter));
        Assert.Empty(report.Failed);
        var trail = await admin.GetAuditTrailAsync(new V1.GetAuditTrailRequest { RoundId = id, ApplicationId = "h-may" });
        Assert.Contains(trail.Records, r => r.Kind == "replay" && r.RuleSet == "hb-benchmark-2018@2018.2");
    }

    [Fact]
    public async Task ReplayRound_ToAnotherProgramme_IsInvalidArgument()
    {
        using var admin = _server.Rounds();
        var id = RoundsServer.NewRoundId("hb");
        await admin.CreateRoundAsync(id, Applications.Hebei);

        var error = await Assert.ThrowsAsync<RpcException>(() => admin.ReplayRoundAsync(id, Applications.Zhejiang));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("rule_set:", error.Status.Detail, StringComparison.Ordinal);
    }
}
