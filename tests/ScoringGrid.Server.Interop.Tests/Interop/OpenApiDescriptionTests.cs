using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Server.Interop.Tests.Infrastructure;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>
/// The REST API's OpenAPI description, checked by a JSON Schema validator we did not write (Python
/// jsonschema, Draft 2020-12): the shipped examples and the server's real answers conform, and
/// documents of the wrong shape do not.
/// </summary>
public sealed class OpenApiDescriptionTests
{
    [Fact]
    public async Task TheDescription_FitsWhatTheServerTakesAndAnswers_AndRefusesTheWrongShape()
    {
        var (app, _, httpPort) = await ServerOnFreePorts.StartAsync((grpc, http) => [
            "--urls", $"http://127.0.0.1:{grpc}", "--ScoringGrid:HttpUrls", $"http://127.0.0.1:{http}", "--Logging:LogLevel:Default", "Warning"]);
        await using var server = app;

        var result = await PeerProcess.RunAsync(Peers.Python,
            [ScoringPeers.PythonScript("check_openapi.py"), "--url", $"http://127.0.0.1:{httpPort}", "--examples", ScoringPeers.ExamplesDirectory],
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.StandardError);
        var checks = new InteropResults(result);
        Assert.Equal("3.1.0", checks.String("described", "openapi"));
        Assert.Equal(
            """{"/v1/evaluate":["post"],"/v1/evaluate:batch":["post"],"/v1/rulesets":["get"],"/v1/rulesets/{rule_set}":["get"]}""",
            checks["described"].GetProperty("methods").GetRawText().Replace(" ", "", StringComparison.Ordinal));

        // Every example is a valid Application.
        var requests = checks["requests"].GetProperty("errors").EnumerateObject().ToList();
        Assert.Equal(6, requests.Count);
        Assert.All(requests, r => Assert.True(r.Value.GetArrayLength() == 0, $"{r.Name}: {r.Value}"));

        // Every answer has its status and fits its schema: results, a batch, rule sets, an error.
        var answers = checks["answers"].GetProperty("found").EnumerateObject().ToList();
        Assert.Equal(15, answers.Count);
        Assert.All(answers, a => Assert.Equal(a.Name == "missing" ? "[404]" : "[200]", a.Value.GetRawText()));

        // The schemas are not vacuous: a field of the wrong type, and an unknown one, are caught.
        Assert.Equal("""["applicant/credit_code: 91320500 is not of type 'string'"]""", checks["wrong"].GetProperty("wrong_type").GetRawText());
        Assert.Equal("""[": Additional properties are not allowed ('rule_set' was unexpected)"]""", checks["wrong"].GetProperty("unknown_field").GetRawText());
    }
}
