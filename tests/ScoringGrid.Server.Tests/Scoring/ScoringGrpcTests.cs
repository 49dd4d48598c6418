using Google.Protobuf;
using ScoringGrid.Grpc;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring.Wire;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests.Scoring;

/// <summary>The Scoring API over real gRPC (our client, Kestrel h2c) on loopback.</summary>
public sealed class ScoringGrpcTests : IAsyncLifetime
{
    private ServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await ServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("js-star-2019")]
    [InlineData("js-star-2018")]
    [InlineData("hb-benchmark-2018")]
    [InlineData("zj-cloud-enterprise-2021")]
    [InlineData("js-iiot-platform-2019")]
    [InlineData("js-benchmark-factory-2019")]
    public async Task Evaluate_Example_MatchesOfflineScoring(string ruleSet)
    {
        using var client = _server.Client();
        var response = await client.EvaluateAsync(Examples.Message(ruleSet));

        var offline = RuleSetCatalog.LoadShipped().Score(ApplicationJson.Parse(Examples.Text(ruleSet), out _)!).Result!;
        Assert.Equal(V1.EvaluateResponse.OutcomeOneofCase.Result, response.OutcomeCase);
        Assert.Equal(offline.ApplicationId, response.ApplicationId);
        Assert.Equal(offline.Level, response.Result.Level);
        Assert.Equal(offline.Digest, response.Result.Digest);
        Assert.Equal(offline.TotalScore, response.Result.HasTotalScore ? response.Result.TotalScore : null);
        Assert.Equal(offline.Criteria.Count, response.Result.Criteria.Count);
        Assert.Equal(offline.Gaps.Select(g => g.Text), response.Result.Gaps.Select(g => g.Text));
    }

    [Fact]
    public async Task Evaluate_ScoresView_SameNumbers_WithoutTextsOrGaps()
    {
        using var client = _server.Client();
        var full = await client.EvaluateAsync(Examples.Message("zj-cloud-enterprise-2021"));
        var scores = await client.EvaluateAsync(Examples.Message("zj-cloud-enterprise-2021"), view: V1.ResultView.Scores);

        Assert.Equal(full.Result.TotalScore, scores.Result.TotalScore);
        Assert.Equal(full.Result.Criteria.Select(c => (c.Id, c.Level, c.Passed, c.Points)), scores.Result.Criteria.Select(c => (c.Id, c.Level, c.Passed, c.Points)));
        Assert.All(full.Result.Criteria, c => Assert.NotEmpty(c.Explanation));
        Assert.All(scores.Result.Criteria, c => Assert.Empty(c.Explanation + c.ExplanationZh));

        var fullStar = await client.EvaluateAsync(Examples.Message("js-star-2018"));
        var scoresStar = await client.EvaluateAsync(Examples.Message("js-star-2018"), view: V1.ResultView.Scores);
        Assert.Equal(fullStar.Result.Level, scoresStar.Result.Level);
        Assert.NotEmpty(fullStar.Result.Gaps);
        Assert.Empty(scoresStar.Result.Gaps);
    }

    [Fact]
    public async Task Evaluate_WithoutAnApplication_FailsWithInvalidArgument()
    {
        using var channel = ScoringGrid.Grpc.Client.GrpcChannel.ForAddress(_server.GrpcAddress);
        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(ScoringGrid.Client.ScoringMethods.Evaluate, new V1.EvaluateRequest()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("application is required", error.Status.Detail); // the field leads the message once
    }

    [Fact]
    public async Task Evaluate_UnknownItem_FailsWithInvalidArgumentNamingTheField()
    {
        using var client = _server.Client();
        var app = Examples.Message("js-star-2019");
        app.Items.Add("app.does_not_exist");

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(app));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains($"items[{app.Items.Count - 1}]", error.Status.Detail);
        Assert.Contains("app.does_not_exist", error.Status.Detail);

        // The rich error model: the same status, and the field as a google.rpc.BadRequest a portal can map to its form.
        var details = Google.Rpc.Status.Parser.ParseFrom(error.Trailers.GetValueBytes("grpc-status-details-bin"));
        Assert.Equal((int)StatusCode.InvalidArgument, details.Code);
        Assert.Equal(error.Status.Detail, details.Message);
        var violation = Assert.Single(Assert.Single(details.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal($"items[{app.Items.Count - 1}]", violation.Field);
        Assert.Equal(error.Status.Detail, violation.Description);
    }

    [Fact]
    public async Task Evaluate_AnErrorWithoutAWrongField_SendsNoDetails()
    {
        using var client = _server.Client();
        var app = Examples.Message("js-star-2019");
        app.Ruleset = "js-star-2019@9.9";

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(app));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Null(error.Trailers.GetValueBytes("grpc-status-details-bin"));
    }

    [Fact]
    public async Task Evaluate_UnknownRuleSet_FailsWithNotFound_AndTheServerKeepsServing()
    {
        using var client = _server.Client();
        var app = Examples.Message("js-star-2019");
        app.Ruleset = "js-star-2019@9.9";

        var error = await Assert.ThrowsAsync<RpcException>(() => client.EvaluateAsync(app));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Contains("2019.1", error.Status.Detail);

        var ok = await client.EvaluateAsync(Examples.Message("js-star-2019"));
        Assert.Equal("3-star", ok.Result.Level);
    }

    [Fact]
    public async Task EvaluateStream_ManyApplications_AnswersInOrder_WithErrorsInPlace()
    {
        using var client = _server.Client();
        var applications = new List<V1.Application>();
        for (var i = 0; i < 300; i++)
        {
            var app = Examples.Message(i % 2 == 0 ? "js-star-2019" : "zj-cloud-enterprise-2021");
            app.Id = $"app-{i}";
            if (i % 7 == 3)
            {
                app.Figures["annual_cloud_investment_yuan"] = -5;
            }

            applications.Add(app);
        }

        var responses = new List<V1.EvaluateResponse>();
        await foreach (var response in client.EvaluateManyAsync(applications))
        {
            responses.Add(response);
        }

        Assert.Equal(300, responses.Count);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal($"app-{i}", responses[i].ApplicationId);
            var bad = i % 7 == 3;
            Assert.Equal(bad ? V1.EvaluateResponse.OutcomeOneofCase.Error : V1.EvaluateResponse.OutcomeOneofCase.Result, responses[i].OutcomeCase);
            if (bad)
            {
                Assert.Equal("INVALID_ARGUMENT", responses[i].Error.Code);
                // Zhejiang does not know the Jiangsu figure; Jiangsu rejects the negative value: both name it.
                Assert.Equal("figures.annual_cloud_investment_yuan", responses[i].Error.Field);
            }
        }
    }

    [Theory]
    [InlineData(V1.ResultView.Full)]
    [InlineData(V1.ResultView.Scores)]
    public async Task EvaluateStream_ThousandsInOneStream_EqualUnaryResults_InOrder(V1.ResultView view)
    {
        // Big enough that requests and responses travel in batches (buffered client writes,
        // deferred server flushes): every response must still match its request and unary scoring.
        using var client = _server.Client();
        var examples = Examples.Files.Select(f => Examples.ParseMessage(File.ReadAllText(f))).ToArray();
        var expected = new V1.EvaluateResponse[examples.Length];
        for (var i = 0; i < examples.Length; i++)
        {
            expected[i] = await client.EvaluateAsync(examples[i], view: view);
        }

        const int count = 3_000;
        var applications = new List<V1.Application>(count);
        for (var i = 0; i < count; i++)
        {
            var app = examples[i % examples.Length].Clone();
            app.Id = $"bulk-{i}";
            applications.Add(app);
        }

        var n = 0;
        await foreach (var response in client.EvaluateManyAsync(applications, view: view))
        {
            var want = expected[n % examples.Length].Clone();
            want.ApplicationId = $"bulk-{n}";
            want.Result.ApplicationId = $"bulk-{n}";
            Assert.Equal(want, response);
            n++;
        }

        Assert.Equal(count, n);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(120)]
    public async Task EvaluateStream_UnparsableRequest_EndsWithInternal_AfterEveryEarlierAnswer(int before)
    {
        // One body, so the requests arrive together and are scored as batches (in parallel when there are enough).
        var payloads = new List<byte[]>();
        for (var i = 0; i < before + 20; i++)
        {
            var app = Examples.Message("js-star-2019");
            app.Id = $"app-{i}";
            payloads.Add(i == before ? [0x0A, 0x7F, 0x01] : new V1.EvaluateRequest { Application = app }.ToByteArray());
        }

        using var http = new HttpClient();
        using var request = RawGrpcRequest.Create(_server.GrpcAddress, "EvaluateStream", RawGrpcRequest.Frames([.. payloads]));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var received = await response.Content.ReadAsByteArrayAsync();

        var answers = Answers(received);
        Assert.All(answers, answer => Assert.Equal(V1.EvaluateResponse.OutcomeOneofCase.Result, answer.OutcomeCase));
        Assert.Equal(Enumerable.Range(0, before).Select(i => $"app-{i}"), answers.Select(a => a.ApplicationId));
        Assert.Equal("13", string.Join(",", response.TrailingHeaders.GetValues("grpc-status")));
        Assert.Equal(GrpcErrors.UnparsableMessage().Detail, Uri.UnescapeDataString(string.Join(",", response.TrailingHeaders.GetValues("grpc-message"))));
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0x7F, 0x01 })] // application's length past the end
    [InlineData(new byte[] { 0x0A, 0x02, 0x08 })] // a truncated varint inside the application
    [InlineData(new byte[] { 0x00 })] // field number 0
    [InlineData(new byte[] { 0x0C })] // an end-group tag with no group
    public async Task Evaluate_UnparsableRequest_IsInternal_AndTheServerKeepsServing(byte[] payload)
    {
        // Unary Evaluate reads the request bytes itself (EvaluateRequestReader): what the protobuf
        // parser refuses fails the call exactly as the transport fails an unparsable message.
        var (status, message) = await PostUnaryAsync("Evaluate", payload);
        Assert.Equal("13", status);
        Assert.Equal(GrpcErrors.UnparsableMessage().Detail, message);

        using var client = _server.Client();
        var ok = await client.EvaluateAsync(Examples.Message("js-star-2019"));
        Assert.Equal("3-star", ok.Result.Level);
    }

    [Fact]
    public async Task AnApplicantNameInGbk_IsInvalidArgumentNamingTheField_UnaryAndInItsPlaceInAStream()
    {
        var app = Examples.Message("js-star-2019");
        app.Id = "app-1";
        app.Applicant.Name = "@@@@";
        var gbk = NotUtf8.InPlaceOf(new V1.EvaluateRequest { Application = app }.ToByteArray(), "@@@@");

        var (status, message) = await PostUnaryAsync("Evaluate", gbk);
        Assert.Equal("3", status); // INVALID_ARGUMENT
        Assert.Equal("applicant.name is not valid UTF-8: protobuf strings must be UTF-8 (convert text in GBK or another encoding before sending)", message);

        // In a stream the answer in its place carries the error, and the stream goes on.
        var payloads = new List<byte[]>();
        for (var i = 0; i < 3; i++)
        {
            var good = Examples.Message("js-star-2019");
            good.Id = $"app-{i}";
            payloads.Add(i == 1 ? gbk : new V1.EvaluateRequest { Application = good }.ToByteArray());
        }

        using var http = new HttpClient();
        using var request = RawGrpcRequest.Create(_server.GrpcAddress, "EvaluateStream", RawGrpcRequest.Frames([.. payloads]));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var answers = Answers(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(["app-0", "app-1", "app-2"], answers.Select(a => a.ApplicationId));
        Assert.Equal("3-star", answers[0].Result.Level);
        Assert.Equal("INVALID_ARGUMENT", answers[1].Error.Code);
        Assert.Equal("applicant.name", answers[1].Error.Field);
        Assert.Equal(message, answers[1].Error.Message);
        Assert.Equal("3-star", answers[2].Result.Level);
        Assert.Equal("0", string.Join(",", response.TrailingHeaders.GetValues("grpc-status")));
    }

    [Fact]
    public async Task GetRuleSet_ARuleSetIdThatIsNotUtf8_IsInvalidArgumentNamingTheField()
    {
        // Every method with Google.Protobuf messages reads its request strictly, as Evaluate's own reader does.
        byte[] request = [0x0A, 4, .. NotUtf8.Gbk]; // rule_set
        var (status, message) = await PostUnaryAsync("GetRuleSet", request);

        Assert.Equal("3", status);
        Assert.Equal(EvaluateRequestReader.NotUtf8("rule_set").Message, message);
    }

    // The EvaluateResponse messages of a response body, in order.
    private static List<V1.EvaluateResponse> Answers(byte[] received)
    {
        var answers = new List<V1.EvaluateResponse>();
        for (var at = 0; at < received.Length;)
        {
            var length = (received[at + 1] << 24) | (received[at + 2] << 16) | (received[at + 3] << 8) | received[at + 4];
            answers.Add(V1.EvaluateResponse.Parser.ParseFrom(received.AsSpan(at + 5, length)));
            at += 5 + length;
        }

        return answers;
    }

    private async Task<(string Status, string Message)> PostUnaryAsync(string method, byte[] payload)
    {
        using var http = new HttpClient();
        using var request = RawGrpcRequest.Create(_server.GrpcAddress, method, RawGrpcRequest.Frames(payload));
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        // A call that fails before any message may answer trailers-only: the status is then in the headers.
        var headers = response.TrailingHeaders.Contains("grpc-status") ? response.TrailingHeaders : response.Headers;
        return (string.Join(",", headers.GetValues("grpc-status")), Uri.UnescapeDataString(string.Join(",", headers.GetValues("grpc-message"))));
    }

    [Fact]
    public async Task ListRuleSets_And_GetRuleSet_DescribeTheProgrammes()
    {
        using var client = _server.Client();
        var list = await client.ListRuleSetsAsync();
        Assert.Equal(
            ["hb-benchmark-2018", "js-benchmark-factory-2019", "js-iiot-platform-2019", "js-star-2018", "js-star-2019", "zj-cloud-enterprise-2021"],
            list.RuleSets.Select(r => r.Id).Order(StringComparer.Ordinal));

        var iiot = await client.GetRuleSetAsync("js-iiot-platform-2019@2019.1");
        Assert.Equal(["enterprise", "industry", "cross-industry"], iiot.Summary.Levels);
        Assert.Contains(iiot.Rules, r => r.Id == "monthly_model_calls" && r.Level == "cross-industry" && r.Threshold == 1000);

        // What a portal needs to render the programme beyond the rules: the rule set's notes, and which
        // item groups count only for some applicants.
        var zj = await client.GetRuleSetAsync("zj-cloud-enterprise-2021");
        Assert.Contains(zj.Notes, n => n.StartsWith("Horizontal ranking tiers are not defined by the seed", StringComparison.Ordinal));
        var star2018 = await client.GetRuleSetAsync("js-star-2018");
        Assert.Equal("it_service_enterprise", Assert.Single(star2018.ItemGroups, g => g.Id == "it").OnlyWhenFlag);
        Assert.All(star2018.ItemGroups.Where(g => g.Id != "it"), g => Assert.Empty(g.OnlyWhenFlag));

        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetRuleSetAsync("nope"));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EvaluateMany_WhenTheApplicationsFailPartWay_EndsWithTheirException_AfterTheAnswersBefore()
    {
        // A portal reading applications from its own store: the read fails after three. The call must
        // end with that failure, not wait for applications that will never come.
        using var client = _server.Client();
        var answered = new List<string>();
        var failure = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var response in client.EvaluateManyAsync(FailingAfter(3)))
            {
                answered.Add(response.ApplicationId);
            }
        }).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("the store went away", failure.Message);
        // Answers that arrived before the failure are the first applications', in order.
        Assert.Equal(new[] { "app-0", "app-1", "app-2" }[..answered.Count], answered);

        // The connection stays usable for the next call.
        Assert.Equal(V1.EvaluateResponse.OutcomeOneofCase.Result, (await client.EvaluateAsync(Examples.Message("js-star-2019"))).OutcomeCase);
    }

    private static IEnumerable<V1.Application> FailingAfter(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var app = Examples.Message("js-star-2019");
            app.Id = $"app-{i}";
            yield return app;
        }

        throw new IOException("the store went away");
    }
}
