using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Cli.Tests.Commands;

/// <summary><c>sg rulesets</c> and <c>sg explain</c> with <c>--server</c>: what a server scores with, printed as the local rule sets are.</summary>
public partial class SgProcessTests
{
    private static readonly string[] RuleSetIds =
        ["hb-benchmark-2018", "js-benchmark-factory-2019", "js-iiot-platform-2019", "js-star-2018", "js-star-2019", "zj-cloud-enterprise-2021"];

    [Fact]
    public async Task RuleSetsAndExplain_OnAServer_PrintWhatTheyPrintOffline()
    {
        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => ["--urls", $"http://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning"]);
        await using var server = app;
        var url = $"http://127.0.0.1:{port}";

        string[][] commands = [["rulesets"], .. RuleSetIds.Select(id => new[] { "explain", id }), ["explain", "js-star-2019@2019.1"]];
        foreach (var command in commands)
        {
            var (offlineExit, offline, offlineErrors) = await RunSg(command);
            var (remoteExit, remote, remoteErrors) = await RunSg([.. command, "--server", url]);

            Assert.True(offlineExit == 0, offlineErrors);
            Assert.True(remoteExit == 0, remoteErrors);
            Assert.Equal(offline, remote);
        }
    }

    [Fact]
    public async Task RuleSetsAndExplain_OnASecuredServer_ShowTheKeysTenant_AndSayWhatWasRefused()
    {
        const string key = "key-jiangsu";
        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => [
            "--urls", $"http://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning",
            .. ApiKeyArguments.For(0, key, "jiangsu", ["score"]),
        ]);
        await using var server = app;
        var url = $"http://127.0.0.1:{port}";

        var (listExit, list, listErrors) = await RunSg("rulesets", "--server", url, "--api-key", key);
        var (otherExit, otherOut, other) = await RunSg("explain", "hb-benchmark-2018", "--server", url, "--api-key", key);
        var (missingExit, _, missing) = await RunSg("explain", "js-star-1999", "--server", url, "--api-key", key);
        var (anonymousExit, _, anonymous) = await RunSg("rulesets", "--server", url);

        Assert.True(listExit == 0, listErrors);
        Assert.Equal(["js-benchmark-factory-2019", "js-iiot-platform-2019", "js-star-2018", "js-star-2019"],
            list.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(' ')[0]));
        // Refused for what was asked: exit 2, as offline for an unknown rule set.
        Assert.Equal(2, otherExit);
        Assert.Empty(otherOut);
        Assert.Equal(
            $"sg: {url}: PermissionDenied: ruleset: API key 'key-jiangsu' (tenant jiangsu) may not use hb-benchmark-2018@2018.1, which belongs to hebei",
            other.TrimEnd('\n'));
        Assert.Equal(2, missingExit);
        var loaded = string.Join(", ", ScoringGrid.Scoring.RuleSetCatalog.LoadShipped().RuleSets.Select(rs => rs.Key));
        Assert.Equal($"sg: {url}: NotFound: ruleset: unknown rule set 'js-star-1999'; loaded: {loaded}", missing.TrimEnd('\n'));
        // Not made at all: exit 1.
        Assert.Equal(1, anonymousExit);
        Assert.Equal($"sg: {url}: Unauthenticated: missing API key: send 'authorization: Bearer <key>'", anonymous.TrimEnd('\n'));
    }
}
