using System.Diagnostics;

namespace ScoringGrid.Load.Tests.K6;

/// <summary>The k6 scripts cannot run here (no k6 binary); node at least proves they parse as ES modules.</summary>
public class K6ScriptUnitTests
{
    public static TheoryData<string> Scripts => ["scoring-grpc.js", "vendor-capacity.js"];

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_ParsesAsAnEsModule(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "k6", name);
        Assert.True(File.Exists(path), path);
        var (code, error) = await NodeCheckAsync(await File.ReadAllTextAsync(path));
        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task TheCheck_FailsOnASyntaxError()
    {
        var good = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "k6", "vendor-capacity.js"));
        var (code, error) = await NodeCheckAsync(good + "\nexport function broken() { let x = ; }\n");
        Assert.NotEqual(0, code);
        Assert.Contains("SyntaxError", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_UsesTheRunnersThresholdsAndArrivalRateStages(string name)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "k6", name));
        Assert.Contains("ramping-arrival-rate", text, StringComparison.Ordinal);
        Assert.Contains("p(95)<", text, StringComparison.Ordinal);
        Assert.Contains("rate<0.01", text, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Error)> NodeCheckAsync(string source)
    {
        var info = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("--check");
        info.ArgumentList.Add("--input-type=module");
        using var node = Process.Start(info)!;
        await node.StandardInput.WriteAsync(source);
        node.StandardInput.Close();
        var error = await node.StandardError.ReadToEndAsync();
        await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        return (node.ExitCode, error);
    }
}
