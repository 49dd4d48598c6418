using System.CommandLine;
using System.Text.Json;
using ScoringGrid.Load.Cli;
using ScoringGrid.Load.Tests.Support;

namespace ScoringGrid.Load.Tests.Cli;

[Collection(TimingCollection.Name)]
public class SgLoadCommandTests
{
    [Fact]
    public async Task AFailedThreshold_MakesTheExitCodeNonZero()
    {
        await using var server = await BehaviourServer.StartAsync();
        var (code, stdout, _) = await InvokeAsync("run", "--url", server.BaseUrl + "/fixed?ms=20", "--rate", "50", "--duration", "1s",
            "--threshold", "p95<5ms", "--threshold", "errors<1%");

        Assert.Equal(SgLoadCommand.FailedExitCode, code);
        Assert.Contains("FAIL  p95<5ms", stdout, StringComparison.Ordinal);
        Assert.Contains("pass  errors<1%", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldThresholds_ExitZero_AndWriteJsonAndHtmlReports()
    {
        await using var server = await BehaviourServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("sg-load-").FullName;
        var request = Path.Combine(dir, "req.http");
        await File.WriteAllTextAsync(request, "POST /fixed?ms=5\nContent-Type: application/json\n\n{\"x\":1}\n");
        var json = Path.Combine(dir, "r.json");
        var html = Path.Combine(dir, "r.html");

        var (code, stdout, _) = await InvokeAsync("run", "--url", server.BaseUrl, "--request", request, "--stages", "0.5s:40,0.5s:40",
            "--warmup", "200ms", "--threshold", "p95<500ms", "--threshold", "errors<1%", "--json", json, "--html", html);

        Assert.True(code == 0, stdout);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        Assert.True(doc.RootElement.GetProperty("latency").GetProperty("p95").GetDouble() > 4);
        Assert.True(doc.RootElement.GetProperty("passed").GetBoolean());
        var page = await File.ReadAllTextAsync(html);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("latency over time", page, StringComparison.Ordinal);
        Assert.Contains("latency by percentile", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", page, StringComparison.OrdinalIgnoreCase);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task ARemoteTarget_IsRefusedWithoutAllowRemote()
    {
        var (code, _, stderr) = await InvokeAsync("run", "--url", "http://192.0.2.10/", "--rate", "10", "--duration", "1s");
        Assert.Equal(SgLoadCommand.UsageExitCode, code);
        Assert.Contains("--allow-remote", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoLoadModels_AreAUsageError()
    {
        var (code, _, stderr) = await InvokeAsync("run", "--url", "http://127.0.0.1:1/", "--rate", "10", "--concurrency", "2", "--duration", "1s");
        Assert.Equal(SgLoadCommand.UsageExitCode, code);
        Assert.Contains("one load model", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("full")]
    [InlineData("scores")]
    public async Task Stream_AgainstTheScoringServer_CountsEveryResponse(string view)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var address = $"http://127.0.0.1:{port}";
        await using var app = ScoringGrid.Server.ScoringServer.Build(["--urls", address, "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        var example = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "js-star-2019-*.json").Single();

        var (code, stdout, stderr) = await InvokeAsync(
            "stream", "--grpc", address, "--application", example, "--count", "5000", "--streams", "2", "--warmup-count", "100", "--view", view);

        Assert.True(code == 0, stderr);
        Assert.Matches($@"^EvaluateStream \({view} view\): 5000 responses over 2 streams in [0-9.]+ s = [0-9]+ responses/s \(0 with an error outcome\)", stdout);
        await app.StopAsync();
    }

    [Fact]
    public async Task Stream_AnUnknownView_IsAUsageError()
    {
        var (code, _, stderr) = await InvokeAsync("stream", "--grpc", "http://127.0.0.1:1", "--application", "x.json", "--view", "texts");
        Assert.NotEqual(0, code);
        Assert.Contains("texts", stderr, StringComparison.Ordinal);
    }

    internal static async Task<(int Code, string Stdout, string Stderr)> InvokeAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await SgLoadCommand.Create().Parse(args).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }
}
