using Google.Protobuf;
using ScoringGrid.Client;
using ScoringGrid.Grpc;
using ScoringGrid.Server.Interop.Tests.Infrastructure;

namespace ScoringGrid.Server.Interop.Tests.Interop;

/// <summary>Our <see cref="ScoringClient"/> against a python grpcio server implementing scoringgrid.v1.Scoring (a server we did not write).</summary>
public class ScoringClientAgainstPythonServerTests(PythonScoringServerFixture server) : IClassFixture<PythonScoringServerFixture>
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    [Fact]
    public async Task Evaluate_DecodesTheResult_AndTheNonAsciiErrorStatus()
    {
        using var client = ScoringClient.Create(server.Address, apiKey: "key-portal-7");
        var application = Example("js-star-2019");

        var response = await client.EvaluateAsync(application, DateTime.UtcNow.AddSeconds(10));

        Assert.Equal(V1.EvaluateResponse.OutcomeOneofCase.Result, response.OutcomeCase);
        Assert.Equal("js2019-0001", response.ApplicationId);
        Assert.Equal("js-star-2019", response.Result.RuleSet);
        Assert.Equal("3-star", response.Result.Level);
        Assert.Equal(87.5, response.Result.TotalScore);
        Assert.False(response.Result.HasExpertScore);
        Assert.Equal(["云上 priority"], response.Result.Priorities);
        Assert.Equal("固定结果", Assert.Single(response.Result.Criteria).ExplanationZh);
        // The python server echoes the authorization header our client sent.
        Assert.Equal(["Bearer key-portal-7"], response.Result.Notes);

        application.Items.Add("app.does_not_exist");
        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(application));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("items[11]: 未知的清单项 'app.does_not_exist' (规则集 js-star-2019) 100%", error.Status.Detail);
    }

    [Fact]
    public async Task EvaluateMany_OverPythonStream_AnswersInOrder_WithErrorsInPlace()
    {
        using var client = ScoringClient.Create(server.Address);
        var applications = Enumerable.Range(0, 50).Select(i =>
        {
            var app = Example("js-star-2019");
            app.Id = $"py-{i}";
            if (i % 10 == 4)
            {
                app.Items.Add("app.does_not_exist");
            }

            return app;
        }).ToList();

        var responses = new List<V1.EvaluateResponse>();
        await foreach (var response in client.EvaluateManyAsync(applications))
        {
            responses.Add(response);
        }

        Assert.Equal(applications.Select(a => a.Id), responses.Select(r => r.ApplicationId));
        Assert.All(responses, (r, i) => Assert.Equal(
            i % 10 == 4 ? V1.EvaluateResponse.OutcomeOneofCase.Error : V1.EvaluateResponse.OutcomeOneofCase.Result, r.OutcomeCase));
        Assert.StartsWith("items[11]: 未知的清单项", responses[4].Error.Message, StringComparison.Ordinal);
    }

    private static V1.Application Example(string ruleSet) =>
        Parser.Parse<V1.Application>(File.ReadAllText(
            Directory.EnumerateFiles(ScoringPeers.ExamplesDirectory, ruleSet + "-*.json").Single()));
}
