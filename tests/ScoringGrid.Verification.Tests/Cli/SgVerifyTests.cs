using ScoringGrid.Cli.Commands;
using ScoringGrid.Collector.Tests.Support;
using ScoringGrid.PlatformSimulator;
using ScoringGrid.Verification.Tests.Support;

namespace ScoringGrid.Verification.Tests.Cli;

/// <summary><c>sg verify</c> in process against a real server and Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class SgVerifyTests(RedisServerFixture redis) : IAsyncLifetime
{
    private VerificationServer _server = null!;

    public async Task InitializeAsync() => _server = await VerificationServer.StartAsync(redis.Endpoint);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Verify_LyingPlatform_PrintsATable_ExitTwo()
    {
        var (platform, simulator) = await ScrapedPlatform.StartAsync(redis.Connection, new SimulatorOptions { Mode = SimulatorMode.Lying, Devices = 5_000 });
        await using var _ = simulator;
        var request = VerifyCommand.BuildRequest(platform, ["connected_devices=5000", "operator_staff=3"], null, 0, out var problem);
        Assert.True(request is not null, problem);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await VerifyCommand.RunAsync(_server.Address, VerificationServer.AllScopesKey, null, request, json: false, output, error, default);

        Assert.True(exit == VerifyCommand.ShortfallExitCode, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("FIGURE", lines[0]);
        Assert.Matches(@"^connected_devices\s+5,000\s+2,500\s+shortfall\s+", lines[1]);
        Assert.Matches(@"^operator_staff\s+3\s+-\s+unverifiable", lines[2]);
    }

    [Fact]
    public async Task Verify_HonestPlatform_FromTheApplication_Json_ExitZero()
    {
        var (platform, simulator) = await ScrapedPlatform.StartAsync(redis.Connection, new SimulatorOptions { Mode = SimulatorMode.Honest, Devices = 5_000 });
        await using var _ = simulator;
        var request = VerifyCommand.BuildRequest(platform, [], new FileInfo(Examples.Path("js-iiot-platform-2019")), 7, out var problem);
        Assert.True(request is not null, problem);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await VerifyCommand.RunAsync(_server.Address, VerificationServer.AllScopesKey, null, request, json: true, output, error, default);

        using var doc = System.Text.Json.JsonDocument.Parse(output.ToString());
        var figures = doc.RootElement.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("figure").GetString()!);
        Assert.Equal("verified", figures["connected_devices"].GetProperty("status").GetString());
        Assert.Equal("iiot_devices_connected", figures["connected_devices"].GetProperty("evidence").GetProperty("metric").GetString());
        Assert.Equal("unverifiable", figures["operator_staff"].GetProperty("status").GetString());
        // 760 declared model calls a month against two scrapes' worth (200) observed: a shortfall, so exit 2.
        Assert.Equal("shortfall", figures["monthly_model_calls"].GetProperty("status").GetString());
        Assert.Equal(VerifyCommand.ShortfallExitCode, exit);
    }

    [Theory]
    [InlineData(new[] { "connected_devices" }, "name=value")]
    [InlineData(new string[0], "nothing to verify")]
    public void BuildRequest_BadOptions_SayWhatIsWrong(string[] figures, string expected)
    {
        Assert.Null(VerifyCommand.BuildRequest("p1", figures, null, 0, out var problem));
        Assert.Contains(expected, problem);
    }
}
