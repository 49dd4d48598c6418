using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Json;

/// The application document (rulebook §0) as proto3 JSON.
public class ApplicationJsonUnitTests
{
    private const string SnakeCase = """
        {"id": "a1", "ruleset": "zj-cloud-enterprise-2021",
         "applicant": {"name": "n", "credit_code": "C1", "province": "zhejiang", "city": "ningbo", "industry": "molds", "provider": "P"},
         "deployment": "public", "items": ["data.rd"], "figures": {"cloud_storage_tb": 1, "total_storage_tb": "4"},
         "flags": {"registered_in_province": true}, "dates": {}, "expert_scores": {"expert.xinchuang": [3, 4], "expert.cloud_mgmt": 2.5},
         "platform_id": "pf", "verify": true}
        """;

    private const string CamelCase = """
        {"id": "a1", "ruleSet": "zj-cloud-enterprise-2021",
         "applicant": {"name": "n", "creditCode": "C1", "province": "zhejiang", "city": "ningbo", "industry": "molds", "provider": "P"},
         "deployment": "public", "items": ["data.rd"], "figures": {"cloud_storage_tb": 1, "total_storage_tb": "4"},
         "flags": {"registered_in_province": true}, "dates": {}, "expertScores": {"expert.xinchuang": [3, 4], "expert.cloud_mgmt": 2.5},
         "platformId": "pf", "verify": true}
        """;

    [Theory]
    [InlineData(SnakeCase)]
    [InlineData(CamelCase)]
    public void SnakeCaseAndLowerCamelCase_ParseTheSame(string json)
    {
        var app = ApplicationJson.Parse(json, out var error);

        Assert.Null(error);
        Assert.NotNull(app);
        Assert.Equal("a1", app.Id);
        Assert.Equal("zj-cloud-enterprise-2021", app.RuleSet);
        Assert.Equal("C1", app.Applicant.CreditCode);
        Assert.Equal("zhejiang", app.Applicant.Province);
        Assert.Equal("P", app.Applicant.Provider);
        Assert.Equal(["data.rd"], app.Items);
        Assert.Equal(4, app.Figures["total_storage_tb"]);
        Assert.Equal([3.0, 4.0], app.ExpertScores["expert.xinchuang"]);
        Assert.Equal([2.5], app.ExpertScores["expert.cloud_mgmt"]);
        Assert.Equal("pf", app.PlatformId);
        Assert.True(app.Verify);
        Assert.Equal(3.5, Shipped.Score(app).Criterion("expert.xinchuang").Points);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("-5")]
    [InlineData("\"-5\"")]
    public void NonFiniteOrNegativeFigures_Parse_ThenFailValidationNamingTheFigure(string value)
    {
        var app = ApplicationJson.Parse($$$"""{"ruleset": "js-star-2019", "figures": {"annual_cloud_investment_yuan": {{{value}}}}}""", out var error);
        Assert.Null(error);
        Assert.NotNull(app);

        var rejected = Shipped.Reject(app);

        Assert.Equal(ScoringErrorCodes.InvalidArgument, rejected.Code);
        Assert.Equal("figures.annual_cloud_investment_yuan", rejected.Field);
    }

    [Theory]
    [InlineData("""{"id": "x", "colour": "red"}""", "colour")]
    [InlineData("""{"applicant": {"name": "n", "shoe_size": 42}}""", "applicant.shoe_size")]
    [InlineData("""{"figures": {"annual_cloud_investment_yuan": "lots"}}""", "figures.annual_cloud_investment_yuan")]
    [InlineData("""{"figures": {"annual_cloud_investment_yuan": true}}""", "figures.annual_cloud_investment_yuan")]
    [InlineData("""{"flags": {"registered_in_province": "yes"}}""", "flags.registered_in_province")]
    [InlineData("""{"items": ["a", 3]}""", "items[1]")]
    [InlineData("""{"items": "a"}""", "items")]
    [InlineData("""{"expert_scores": {"expert.xinchuang": [1, "x"]}}""", "expert_scores.expert.xinchuang[1]")]
    [InlineData("""[]""", "")]
    public void WrongShapesAndUnknownFields_AreErrorsNamingTheField(string json, string field)
    {
        var app = ApplicationJson.Parse(json, out var error);

        Assert.Null(app);
        Assert.NotNull(error);
        Assert.Equal(ScoringErrorCodes.InvalidArgument, error.Code);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("""{"id": """)]
    [InlineData("""{"id": "x",}""")]
    [InlineData("""{"id": 'x'}""")]
    [InlineData("""{"id": "x"} {"id": "y"}""")]
    [InlineData("")]
    [InlineData("not json")]
    public void MalformedJson_IsInvalidArgument(string json)
    {
        var app = ApplicationJson.Parse(json, out var error);

        Assert.Null(app);
        Assert.NotNull(error);
        Assert.Equal(ScoringErrorCodes.InvalidArgument, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON at line 1, byte 3: 'n' is an invalid start of a property name. Expected a '\"'.")]
    [InlineData("{\n  \"id\": 'x'\n}", "not valid JSON at line 2, byte 9: ''' is an invalid start of a value.")]
    public void MalformedJson_SaysWhere_CountingFromOne_AsRestAndTheServerModeSay(string json, string message)
    {
        Assert.Null(ApplicationJson.Parse(json, out var error));

        Assert.Equal(ScoringErrorCodes.InvalidArgument, error!.Code);
        Assert.Equal("", error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void EveryExample_Parses_AndScores()
    {
        foreach (var file in Examples.Files)
        {
            var result = Shipped.Score(Examples.Load(Path.GetFileName(file)));
            Assert.StartsWith(result.RuleSetId, Path.GetFileName(file), StringComparison.Ordinal);
        }
    }
}
