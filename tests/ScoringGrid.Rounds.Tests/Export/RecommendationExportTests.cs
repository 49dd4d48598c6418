using System.Text.Json;
using ScoringGrid.Rounds.Tests.Support;

namespace ScoringGrid.Rounds.Tests.Export;

[Collection(RedisCollection.Name)]
public sealed class RecommendationExportTests(RedisServerFixture redis)
{
    private static readonly string[] SeedColumns =
    [
        "序号", "区县", "企业名称", "主营业务", "上年度销售收入(万元)", "上年度利润总额(万元)",
        "近三年信息化建设和运维投入(万元)", "近三年上云投入(万元)", "企业信息化负责人", "联系电话", "市经信局推荐意见",
    ];

    [Fact]
    public async Task EachCity_GetsItsEligibleApplicationsInRoundOrder_WithTheSeedsColumns()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        var profile = new ApplicantProfile { District = "北仑区", MainBusiness = "模具, 压铸", SalesRevenueWan = 12000, ProfitWan = 850.5, ItLead = "王工", Phone = "13800000000" };
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("nb-low", "ningbo", 0.5), profile: profile);
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("nb-high", "ningbo", 2.0 / 3), profile: profile with { District = "鄞州区" });
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("nb-out", "ningbo", 1, eligible: false));
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("hz-1", "hangzhou", 0.5));
        await h.Rounds.SetRecommendationOpinionAsync("zj-1", "nb-high", "同意推荐", "key-city");

        var tables = await h.Rounds.ExportRecommendationsAsync("zj-1");

        Assert.Equal(["hangzhou", "ningbo"], tables.Select(t => t.City));
        var ningbo = tables[1];
        Assert.Equal(["nb-high", "nb-low"], ningbo.Rows.Select(r => r.ApplicationId));
        var csv = RecommendationExport.ToCsv(ningbo).Split("\r\n");
        Assert.Equal(string.Join(',', SeedColumns), csv[0]);
        Assert.Equal("1,鄞州区,企业 nb-high,\"模具, 压铸\",12000,850.5,100,66.67,王工,13800000000,同意推荐", csv[1]);
        Assert.StartsWith("2,北仑区,企业 nb-low,", csv[2], StringComparison.Ordinal);
        Assert.Equal("", csv[3]);

        using var json = JsonDocument.Parse(RecommendationExport.ToJson(ningbo));
        var root = json.RootElement;
        Assert.Equal(("zj-1", "ningbo"), (root.GetProperty("round_id").GetString(), root.GetProperty("city").GetString()));
        Assert.Equal(SeedColumns, root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("title").GetString()));
        var keys = root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToArray();
        var first = root.GetProperty("rows")[0];
        Assert.All(keys, k => Assert.True(first.TryGetProperty(k, out _), k));
        Assert.Equal(1, first.GetProperty("order").GetInt32());
        Assert.Equal("同意推荐", first.GetProperty("opinion").GetString());
        Assert.Equal(50, first.GetProperty("total_score").GetDouble());
    }

    [Fact]
    public async Task OneCity_CanBeAskedFor()
    {
        var h = new RoundsHarness(redis);
        await h.Rounds.CreateRoundAsync("zj-1", Applications.Zhejiang, "key-admin");
        await h.SubmitAsync("zj-1", Applications.Zhejiang2021("hz-1", "hangzhou", 0.5));

        var only = Assert.Single(await h.Rounds.ExportRecommendationsAsync("zj-1", "hangzhou"));
        var none = Assert.Single(await h.Rounds.ExportRecommendationsAsync("zj-1", "wenzhou"));

        Assert.Equal("hz-1", Assert.Single(only.Rows).ApplicationId);
        Assert.Empty(none.Rows);
        Assert.Single(RecommendationExport.ToCsv(none).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
