using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Tests.Scoring.Wire;

/// <summary>The wire writer writes exactly the bytes Google.Protobuf writes for the old path's message.</summary>
public sealed class EvaluateResponseWriterUnitTests
{
    private static readonly ResponsePaths Paths = new(RuleSetCatalog.LoadShipped());

    public static TheoryData<string, V1.ResultView> ExamplesAndViews()
    {
        var data = new TheoryData<string, V1.ResultView>();
        foreach (var file in Examples.Files)
        {
            foreach (var view in new[] { V1.ResultView.Unspecified, V1.ResultView.Full, V1.ResultView.Scores })
            {
                data.Add(Path.GetFileName(file), view);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExamplesAndViews))]
    public void Example_EveryView_BytesIdenticalToGoogleProtobuf(string file, V1.ResultView view)
    {
        var application = Examples.ParseMessage(File.ReadAllText(Path.Combine(Examples.Directory, file)));

        var bytes = Paths.AssertIdentical(application, view);

        var response = V1.EvaluateResponse.Parser.ParseFrom(bytes);
        Assert.Equal(V1.EvaluateResponse.OutcomeOneofCase.Result, response.OutcomeCase);
        Assert.Equal(view != V1.ResultView.Scores, response.Result.Criteria.Any(c => c.Explanation.Length > 0));
    }

    [Fact]
    public void UnknownView_IsFull()
    {
        var application = Examples.Message("js-star-2019");

        Assert.Equal(Paths.Message(application, V1.ResultView.Full), Paths.Stream(application, (V1.ResultView)7));
    }

    public static TheoryData<string> BadApplications => new()
    {
        "unknown item",
        "unknown rule set",
        "negative figure",
        "bad date",
        "expert score not a number",
        "no id",
        "no application",
    };

    [Theory]
    [MemberData(nameof(BadApplications))]
    public void Error_BytesIdenticalToGoogleProtobuf(string what)
    {
        var application = Bad(what);

        var bytes = Paths.AssertIdentical(application, V1.ResultView.Full);

        var response = V1.EvaluateResponse.Parser.ParseFrom(bytes);
        Assert.Equal(V1.EvaluateResponse.OutcomeOneofCase.Error, response.OutcomeCase);
        Assert.NotEmpty(response.Error.Message);
    }

    [Fact]
    public void NegativeZeroFigures_BytesIdentical_AndObservedKeepsItsSign()
    {
        var sawNegativeZero = false;
        foreach (var rs in Paths.Catalog.RuleSets)
        {
            var application = Examples.Message(rs.Id);
            foreach (var figure in rs.FigureIds)
            {
                application.Figures[figure] = -0.0;
            }

            foreach (var view in new[] { V1.ResultView.Full, V1.ResultView.Scores })
            {
                var response = V1.EvaluateResponse.Parser.ParseFrom(Paths.AssertIdentical(application, view));
                // An optional double is written whenever it is set, -0.0 included; a plain one is not (0D == -0D).
                sawNegativeZero |= response.Result.Criteria.Any(c => c.HasObserved && BitConverter.DoubleToInt64Bits(c.Observed) == long.MinValue);
            }
        }

        Assert.True(sawNegativeZero, "No criterion observed -0.0; the test no longer reaches the case it is for.");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(5_000)]
    [InlineData(70_000)]
    public void VeryLongTexts_MultiByteLengths_BytesIdentical(int length)
    {
        // CJK is 3 bytes in UTF-8: lengths and nested message sizes need 2- to 4-byte varints.
        var text = string.Concat(Enumerable.Repeat("长文本🙂x", (length / 6) + 1));
        var application = Examples.Message("zj-cloud-enterprise-2021");
        application.Id = text;
        Paths.AssertIdentical(application, V1.ResultView.Full);
        Paths.AssertIdentical(application, V1.ResultView.Scores);

        application.Items.Add(text);
        var response = V1.EvaluateResponse.Parser.ParseFrom(Paths.AssertIdentical(application, V1.ResultView.Full));
        Assert.Equal(text, response.ApplicationId);
        Assert.Equal(V1.EvaluateResponse.OutcomeOneofCase.Error, response.OutcomeCase);
    }

    [Fact]
    public void LoneSurrogateInId_EncodedAsGoogleProtobufDoes()
    {
        var application = Examples.Message("js-star-2018");
        application.Id = "a\uD800b\uDC00";

        Paths.AssertIdentical(application, V1.ResultView.Full);
    }

    [Fact]
    public void ReloadedRuleSet_WritesItsOwnConstants()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rulesets", "js-star-2019.yaml"));
        var changed = yaml.Replace("version: \"2019.1\"", "version: \"2019.2\"", StringComparison.Ordinal);
        Assert.NotEqual(yaml, changed);
        var reloaded = new ResponsePaths(RuleSetCatalog.Create([RuleSetCatalog.Compile("js-star-2019.yaml", changed)]));
        var application = Examples.Message("js-star-2019");

        var before = Paths.AssertIdentical(application, V1.ResultView.Full);
        var after = reloaded.AssertIdentical(application, V1.ResultView.Full);

        Assert.Equal("2019.1", V1.EvaluateResponse.Parser.ParseFrom(before).Result.Version);
        Assert.Equal("2019.2", V1.EvaluateResponse.Parser.ParseFrom(after).Result.Version);
    }

    private static V1.Application? Bad(string what)
    {
        var application = Examples.Message("js-star-2019");
        switch (what)
        {
            case "unknown item":
                application.Items.Add("no.such.item");
                break;
            case "unknown rule set":
                application.Ruleset = "nope-1999";
                break;
            case "negative figure":
                application.Figures["annual_cloud_investment_yuan"] = -1;
                break;
            case "bad date":
                application.Dates["anything"] = "2019-13-45";
                break;
            case "expert score not a number":
                application.ExpertScores["expert.x"] = Google.Protobuf.WellKnownTypes.Value.ForString("high");
                break;
            case "no id":
                application.Id = "";
                application.Items.Add("no.such.item");
                break;
            case "no application":
                return null;
        }

        return application;
    }
}
