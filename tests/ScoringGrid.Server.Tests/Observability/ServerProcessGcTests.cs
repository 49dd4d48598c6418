using System.Net;
using System.Text.RegularExpressions;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests.Observability;

/// <summary>
/// The server as shipped runs the server GC without dynamic adaptation (DATAS): its csproj turns that
/// off because, under load, DATAS collected gen0 up to ten times as often (docs/benchmarks.md). An
/// in-process host would show the test runner's GC, so this starts the server's own process.
/// </summary>
public sealed partial class ServerProcessGcTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TheServerProcess_RunsServerGc_WithoutDynamicAdaptation()
    {
        var url = $"http://127.0.0.1:{ServerFixture.FreePort()}";
        using var server = DotnetProcess.Start("ScoringGrid.Server.dll", ["--urls", url]);
        await server.WaitForLineAsync(line => line.Contains("ScoringGrid.Server[1]", StringComparison.Ordinal), StartTimeout);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri(url),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        var metrics = await http.GetStringAsync("/metrics");

        var info = RuntimeInfo().Match(metrics);
        Assert.True(info.Success, "no dotnet_runtime_info in:\n" + metrics);
        Assert.Equal(("server", "off"), (info.Groups["mode"].Value, info.Groups["adaptation"].Value));
    }

    [GeneratedRegex("""(?m)^dotnet_runtime_info\{version="[^"]+",gc_mode="(?<mode>\w+)",gc_dynamic_adaptation="(?<adaptation>\w+)"\} 1$""")]
    private static partial Regex RuntimeInfo();
}
