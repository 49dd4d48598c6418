using System.Net;
using System.Text;
using System.Text.Json;

namespace ScoringGrid.Server.Tests.Rest;

/// <summary>
/// A REST body that is not the proto3 JSON form of its message is refused with the path of the field
/// at fault, not only the JSON parser's "Unsupported conversion from JSON number for field type String".
/// </summary>
public sealed class RestJsonErrorTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        {
            "/v1/evaluate", """{"id":"a","ruleset":"js-star-2019","applicant":{"name":"x","credit_code":91320500}}""",
            "applicant.credit_code", "not a scoringgrid.v1.Application: applicant.credit_code: expected a string, got a number"
        },
        {
            "/v1/evaluate", """{"application":{"id":"a","ruleset":"js-star-2019","items":["data.basic",7]}}""",
            "application.items[1]", "not a scoringgrid.v1.EvaluateRequest: application.items[1]: expected a string, got a number"
        },
        {
            "/v1/evaluate", """{"application":{"id":"a","ruleset":"js-star-2019"},"view":"RESULT_VIEW_SHORT"}""",
            "view", "not a scoringgrid.v1.EvaluateRequest: view: 'RESULT_VIEW_SHORT' is not a value of scoringgrid.v1.ResultView (RESULT_VIEW_UNSPECIFIED, RESULT_VIEW_FULL, RESULT_VIEW_SCORES)"
        },
        {
            "/v1/evaluate", """{"id":"a","ruleset":"js-star-2019","figures":{"connected_devices":1e400}}""",
            "figures.connected_devices", "not a scoringgrid.v1.Application: figures.connected_devices: the number is out of range"
        },
        {
            "/v1/evaluate", """{"id":"a","ruleset":"js-star-2019","flags":{"edge_access":"yes"}}""",
            "flags.edge_access", "not a scoringgrid.v1.Application: flags.edge_access: expected true or false, got a string"
        },
        {
            "/v1/evaluate", """{"id":"a","rule_set":"js-star-2019"}""",
            "rule_set", "not a scoringgrid.v1.Application: rule_set: unknown field 'rule_set' of scoringgrid.v1.Application"
        },
        {
            "/v1/evaluate", "{\"id\":\"a\",\n\"ruleset\":\"js-star-2019\",\n\"items\":[\"data.basic\"",
            "", "not a scoringgrid.v1.Application: not valid JSON at line 3, byte 22: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed."
        },
        {
            "/v1/evaluate:batch", """{"applications":[{"id":"a","ruleset":"js-star-2019"},{"id":"b","figures":{"connected_devices":{"value":5}}}]}""",
            "applications[1].figures.connected_devices", "not a scoringgrid.v1.EvaluateBatchRequest: applications[1].figures.connected_devices: expected a number, got an object"
        },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task AMistake_IsNamedByItsPath(string path, string body, string field, string message)
    {
        var (status, error) = await PostAsync(path, Encoding.UTF8.GetBytes(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task BytesThatAreNotUtf8_AreRefused_NotScoredWithAGarbledName()
    {
        var start = """{"id":"a","ruleset":"js-star-2019","applicant":{"name":" """u8.ToArray();
        byte[] body = [.. start, 0xC3, 0x28, .. "\"}}"u8];

        var (status, error) = await PostAsync("/v1/evaluate", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"the body is not valid UTF-8 (at byte {start.Length}): send JSON in UTF-8", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ProtoJsonsOtherForms_AreStillAccepted()
    {
        // Numbers as strings and camelCase names are proto3 JSON too: the diagnostics must not refuse what the parser takes.
        var (status, _) = await PostAsync("/v1/evaluate",
            """{"id":"a","ruleset":"js-iiot-platform-2019","platformId":"p","figures":{"connected_devices":"5000"},"expert_scores":{"x":[1,"a",null]}}"""u8.ToArray());

        // The unknown expert line is the scoring core's objection, found after the JSON was accepted.
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var (okStatus, _) = await PostAsync("/v1/evaluate", """{"id":"a","ruleset":"js-iiot-platform-2019","platformId":"p","figures":{"connected_devices":"5000"}}"""u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, okStatus);
    }

    private async Task<(HttpStatusCode Status, JsonElement Error)> PostAsync(string path, byte[] body)
    {
        using var http = _server.Http();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        var root = JsonDocument.Parse(text).RootElement;
        return (response.StatusCode, root.TryGetProperty("error", out var error) ? error.Clone() : root.Clone());
    }
}
