using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Cli.Tests.Commands;

/// Runs the real built <c>sg</c> (<c>dotnet sg.dll</c>) as a separate process on examples/*.json.
public partial class SgProcessTests
{
    private static string SgDll()
    {
        // The CLI is a project reference, so sg.dll (with its runtimeconfig) is next to this assembly.
        var local = Path.Combine(AppContext.BaseDirectory, "sg.dll");
        Assert.True(File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "sg.runtimeconfig.json")), $"sg.dll not found in {AppContext.BaseDirectory}");
        return local;
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunSg(params string[] args) => RunSgWithInput("", args);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunSgWithInput(string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(SgDll());
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task Score_Examples_PrintsOneResultPerFile_ExitZero()
    {
        var files = Repository.Examples.Select(f => Path.GetRelativePath(Repository.Root, f)).ToArray();

        var (exit, stdout, stderr) = await RunSg(["score", .. files]);

        Assert.True(exit == 0, stderr);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(files.Length, lines.Length);
        var levels = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("rule_set").GetString()!, r => r.GetProperty("level").GetString());
        Assert.Equal("3-star", levels["js-star-2019"]);
        Assert.Equal("4-star", levels["js-star-2018"]);
        Assert.Equal("benchmark", levels["hb-benchmark-2018"]);
        Assert.Equal("industry", levels["js-iiot-platform-2019"]);
        Assert.Equal("benchmark", levels["js-benchmark-factory-2019"]);
        Assert.Equal("", levels["zj-cloud-enterprise-2021"]);
    }

    [Fact]
    public async Task Score_MissingFile_ExitTwo_WithAnErrorLine()
    {
        var (exit, stdout, _) = await RunSg("score", "examples/does-not-exist.json");

        Assert.Equal(2, exit);
        Assert.Equal("NOT_FOUND", JsonDocument.Parse(stdout).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Explain_PrintsTheRulesTable()
    {
        var (exit, stdout, stderr) = await RunSg("explain", "js-iiot-platform-2019");

        Assert.True(exit == 0, stderr);
        Assert.Contains("js-iiot-platform-2019@2019.1", stdout, StringComparison.Ordinal);
        Assert.Contains("connected_devices ≥ 5,000", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("score", "--server", "notaurl", "examples/js-star-2019-suzhou-gear.json")]
    [InlineData("verify", "--server", "ftp://127.0.0.1:1", "--platform", "p1", "--figure", "connected_devices=1")]
    public async Task AServerThatIsNotAnHttpUrl_IsRefused_NamingTheOption(params string[] args)
    {
        var (exit, stdout, stderr) = await RunSg(args);

        Assert.Equal(1, exit);
        Assert.Contains($"--server: '{args[2]}' is not an http:// or https:// URL, e.g. http://127.0.0.1:50051", stderr.Split('\n'));
        Assert.DoesNotContain("Unhandled exception", stderr + stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rulesets")]
    [InlineData("explain", "js-star-2019")]
    [InlineData("score", "examples/js-star-2019-suzhou-gear.json")]
    public async Task ABrokenRuleFile_IsNamedWithItsLine_Exit1(params string[] args)
    {
        var directory = Directory.CreateTempSubdirectory("sg-rules-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "broken.yaml"), "id: broken\nversion: [\n");

            var (exit, stdout, stderr) = await RunSg([.. args, "--rulesets", directory]);

            Assert.Equal(1, exit);
            Assert.StartsWith("--rulesets: broken.yaml:3: not valid YAML", stderr, StringComparison.Ordinal);
            Assert.Empty(stdout);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task AMissingRuleDirectory_IsRefused_NamingIt()
    {
        var (exit, _, stderr) = await RunSg("rulesets", "--rulesets", "/no/such/rules");

        Assert.Equal(1, exit);
        Assert.Contains("Directory does not exist: '/no/such/rules'.", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_OnAServer_PrintsTheSameResultsAsOffline_LineForLine()
    {
        var files = Repository.Examples.Select(f => Path.GetRelativePath(Repository.Root, f)).ToArray();
        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => ["--urls", $"http://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning"]);
        await using var server = app;

        await AssertSameAsOfflineAsync(files, ["--server", $"http://127.0.0.1:{port}"]);
    }

    [Fact]
    public async Task Score_OnAServer_ManyDocumentsFromStdin_WithBadOnesAmongThem_PrintTheSameLinesAsOffline_InInputOrder()
    {
        // 3,000 documents, more than one batch of requests or answers, the examples in turn with their
        // own ids, and documents that fail locally (not JSON, a field of the wrong shape) at the start,
        // in the middle and at the end: each line must come out where its document went in.
        var examples = Repository.Examples.Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToArray();
        var input = new System.Text.StringBuilder();
        const int count = 3_000;
        for (var i = 0; i < count; i++)
        {
            if (i == 0 || i % 997 == 0 || i == count - 1)
            {
                input.Append(i % 2 == 0 ? "{ not json\n" : """{"id":"bad","ruleset":"js-star-2019","applicant":{"name":"x","credit_code":1}}""" + "\n");
                continue;
            }

            var document = examples[i % examples.Length].DeepClone().AsObject();
            document["id"] = $"app-{i}";
            if (i % 5 == 1)
            {
                // Undeclared figures and expert lines: criteria without "observed", gaps without "current",
                // and a total score given as a range while expert lines are missing.
                document.Remove("figures");
                document.Remove("expert_scores");
            }

            input.Append(document.ToJsonString()).Append('\n');
        }

        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => ["--urls", $"http://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning"]);
        await using var server = app;
        var (offlineExit, offline, _) = await RunSgWithInput(input.ToString(), "score", "-");
        var (remoteExit, remote, remoteErrors) = await RunSgWithInput(input.ToString(), "score", "--server", $"http://127.0.0.1:{port}", "-");

        Assert.True(remoteExit == offlineExit, remoteErrors);
        Assert.Equal(ScoringGrid.Cli.Commands.ScoreCommand.InvalidExitCode, remoteExit);
        var offlineLines = offline.TrimEnd('\n').Split('\n');
        var remoteLines = remote.TrimEnd('\n').Split('\n');
        Assert.Equal(count, offlineLines.Length);
        Assert.Equal(count, remoteLines.Length);
        // The optional fields both ways, so the writers are compared where they could differ.
        Assert.Contains(remoteLines, line => line.Contains("\"total_score_min\"", StringComparison.Ordinal));
        Assert.Contains(remoteLines, line => line.Contains("\"passed\":false,\"required\"", StringComparison.Ordinal));
        Assert.Contains(remoteLines, line => line.Contains("\"observed\"", StringComparison.Ordinal));
        for (var i = 0; i < count; i++)
        {
            // Byte for byte: the same reader and the same writer, results and errors alike.
            Assert.True(offlineLines[i] == remoteLines[i], $"line {i + 1}:\noffline {offlineLines[i]}\nserver  {remoteLines[i]}");
        }
    }

    [Fact]
    public async Task Score_AFileThatCannotBeRead_GetsItsErrorLine_OfflineAndOnAServer_AndTheOthersAreScored()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"sg-missing-{Guid.NewGuid():N}.json");
        var example = Path.GetRelativePath(Repository.Root, Repository.Examples.First());
        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => ["--urls", $"http://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning"]);
        await using var server = app;

        var (offlineExit, offline, _) = await RunSg("score", missing, example);
        var (remoteExit, remote, remoteErrors) = await RunSg("score", "--server", $"http://127.0.0.1:{port}", missing, example);

        Assert.Equal(2, offlineExit);
        Assert.True(remoteExit == 2, remoteErrors);
        var lines = offline.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal($$$"""{"error":{"code":"NOT_FOUND","field":"","message":"cannot read {{{missing}}}: Could not find file '{{{missing}}}'."}}""", lines[0]);
        Assert.Contains("\"level\":", lines[1], StringComparison.Ordinal);
        Assert.Equal(offline, remote);
    }

    [Fact]
    public async Task Score_OnAServer_ADocumentOfTheWrongShape_GetsOfflinesErrorLine_NamingTheField()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sg-shape-").FullName, "wrong.json");
        await File.WriteAllTextAsync(file, """{"id":"a","ruleset":"js-star-2019","applicant":{"name":"x","credit_code":91320500}}""");
        var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => ["--urls", $"http://127.0.0.1:{grpc}", "--Logging:LogLevel:Default", "Warning"]);
        await using var server = app;

        var (offlineExit, offline, _) = await RunSg("score", file);
        var (remoteExit, remote, remoteErrors) = await RunSg("score", "--server", $"http://127.0.0.1:{port}", file);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);

        Assert.Equal(2, offlineExit);
        Assert.True(remoteExit == 2, remoteErrors);
        Assert.Equal("applicant.credit_code", JsonDocument.Parse(offline).RootElement.GetProperty("error").GetProperty("field").GetString());
        Assert.Equal(offline, remote);
    }

    [Fact]
    public async Task Score_OnATlsServer_TrustingItsCertificateByCaCert_PrintsWhatOfflinePrints_AndWithoutIt_SaysWhyNot()
    {
        var files = Repository.Examples.Select(f => Path.GetRelativePath(Repository.Root, f)).ToArray();
        var directory = Directory.CreateTempSubdirectory("sg-cacert-").FullName;
        try
        {
            var (pfx, pem) = TestCertificates.WriteSelfSigned(directory, "sg");
            var (app, port, _) = await ServerOnFreePorts.StartAsync((grpc, _) => [
                "--urls", $"https://127.0.0.1:{grpc}", "--ScoringGrid:CertificatePath", pfx, "--ScoringGrid:CertificatePassword", "sg", "--Logging:LogLevel:Default", "Warning"]);
            await using var server = app;
            var url = $"https://127.0.0.1:{port}";

            await AssertSameAsOfflineAsync(files, ["--server", url, "--cacert", pem]);

            var (exit, stdout, stderr) = await RunSg(["score", "--server", url, files[0]]);
            Assert.Equal(1, exit);
            Assert.Empty(stdout);
            Assert.Equal(
                $"sg: {url}: Unavailable: Error connecting to or communicating with the server: The SSL connection could not be established: "
                + "The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot",
                stderr.TrimEnd('\n'));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Score_WithACaCertThatHoldsNoCertificate_IsRefusedNamingTheOption()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "not a certificate");

            var (exit, _, stderr) = await RunSg(["score", "--server", "https://127.0.0.1:1", "--cacert", file, "examples/x.json"]);

            Assert.Equal(1, exit);
            Assert.Equal($"--cacert: '{Path.GetFileName(file)}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)", stderr.Split('\n')[0]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Score_WithACaCertFileThatIsMissing_IsRefusedNamingTheFile()
    {
        var (exit, _, stderr) = await RunSg(["score", "--server", "https://127.0.0.1:1", "--cacert", "/no/such/ca.pem", "examples/x.json"]);

        Assert.Equal(1, exit);
        // The parser's own message, and no unhandled exception (a validator once read the missing file's value and crashed).
        Assert.Equal("File does not exist: '/no/such/ca.pem'.", stderr.Split('\n')[0]);
        Assert.DoesNotContain("Unhandled exception", stderr, StringComparison.Ordinal);
    }

    private static async Task AssertSameAsOfflineAsync(string[] files, string[] remoteOptions)
    {
        var (offlineExit, offline, _) = await RunSg(["score", .. files]);
        var (remoteExit, remote, remoteErrors) = await RunSg(["score", .. remoteOptions, .. files]);

        Assert.True(remoteExit == offlineExit, remoteErrors);
        var offlineLines = offline.TrimEnd('\n').Split('\n');
        var remoteLines = remote.TrimEnd('\n').Split('\n');
        Assert.Equal(files.Length, remoteLines.Length);
        for (var i = 0; i < files.Length; i++)
        {
            // Byte for byte: the server's result is written by offline's layout (ResultMessageJson).
            Assert.True(offlineLines[i] == remoteLines[i], $"{files[i]}:\noffline {offlineLines[i]}\nserver  {remoteLines[i]}");
        }
    }
}
