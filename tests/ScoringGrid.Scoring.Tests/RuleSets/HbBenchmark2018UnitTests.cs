using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.RuleSets;

/// Rulebook §3: date bounds, subsidy, the fraud registry, the provider pool.
public class HbBenchmark2018UnitTests
{
    private static readonly HbBenchmark2018Rulebook Book = new();

    private static AppBuilder Eligible() => Book.Minimal("benchmark");

    [Theory]
    [InlineData("2018-08-31", true)]
    [InlineData("2018-09-01", false)]
    [InlineData("2016-01-01", true)]
    public void FirstContract_OnOrBefore20180831(string signed, bool passes)
    {
        var result = Shipped.Score(Eligible().Date("first_cloud_contract_signed", signed));

        Assert.Equal(passes, result.Criterion("gate.first_contract", "benchmark").Passed);
        Assert.Equal(passes ? "benchmark" : "", result.Level);
    }

    [Theory]
    [InlineData("2018-11-30", true)]
    [InlineData("2018-11-29", false)]
    [InlineData("2020-12-31", true)]
    public void LatestContract_ValidUntilOnOrAfter20181130(string validUntil, bool passes)
    {
        var result = Shipped.Score(Eligible().Date("latest_contract_valid_until", validUntil));

        Assert.Equal(passes, result.Criterion("gate.contract_valid", "benchmark").Passed);
        Assert.Equal(passes ? "benchmark" : "", result.Level);
    }

    [Fact]
    public void UndeclaredDate_FailsItsGate_WithNotDeclared()
    {
        var app = Eligible().Build();
        app.Dates.Remove("first_cloud_contract_signed");

        var criterion = Shipped.Score(app).Criterion("gate.first_contract", "benchmark");

        Assert.False(criterion.Passed);
        Assert.Contains("not declared", criterion.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(180_000, 36_000)]
    [InlineData(249_995, 49_999)]
    [InlineData(250_000, 50_000)]
    [InlineData(250_005, 50_000)]
    [InlineData(10_000_000, 50_000)]
    [InlineData(0, 0)]
    public void Subsidy_IsTwentyPercentOfTheAnnualFee_CappedAt50000(double fee, double subsidy)
    {
        var result = Shipped.Score(Eligible().Figure("current_contract_annual_fee_yuan", fee));

        Assert.Equal("benchmark", result.Level);
        Assert.Equal(subsidy, result.SubsidyYuan);
    }

    [Fact]
    public void Subsidy_IsZero_WhenNotEligible()
    {
        var result = Shipped.Score(Eligible().Figure("current_contract_annual_fee_yuan", 180_000).Flag("clean_record", false));

        Assert.Equal("", result.Level);
        Assert.False(result.Eligible);
        Assert.Equal(0, result.SubsidyYuan);
    }

    [Fact]
    public void Banned_WithinThreeYears_FailsNotBannedGate_ThenExpires()
    {
        var registry = new DisqualificationRegistry();
        var ban = registry.Ban("91130200FRAUD0001", "falsified invoices", new DateOnly(2017, 3, 1));
        Assert.Equal(new DateOnly(2020, 2, 29), ban.Until);
        var app = Eligible().CreditCode("91130200FRAUD0001");

        ScoreResult On(int y, int m, int d) => Shipped.Score(app, new ScoringOptions { Registry = registry, TimeProvider = FixedTimeProvider.On(y, m, d) });

        var banned = On(2018, 9, 1);
        var gate = banned.Criterion("gate.not_banned", "benchmark");
        Assert.False(gate.Passed);
        Assert.Equal("Not disqualified for fraud in the last 3 years failed: ✗ disqualified until 2020-02-29: falsified invoices", gate.Explanation);
        Assert.Equal("近三年未因弄虚作假被取消资格未通过：✗ 已被取消资格至 2020-02-29：falsified invoices", gate.ExplanationZh);
        Assert.Equal("", banned.Level);
        Assert.Contains(banned.Gaps, g => g.Kind == "registry" && g.Text.Contains("2020-02-29", StringComparison.Ordinal));

        Assert.Equal("", On(2017, 3, 1).Level);
        Assert.Equal("", On(2020, 2, 29).Level);
        var expired = On(2020, 3, 1);
        Assert.Equal("benchmark", expired.Level);
        Assert.Equal("Not disqualified for fraud in the last 3 years passed: ✓ no disqualification on record", expired.Criterion("gate.not_banned", "benchmark").Explanation);
        Assert.Equal("近三年未因弄虚作假被取消资格通过：✓ 无取消资格记录", expired.Criterion("gate.not_banned", "benchmark").ExplanationZh);
        Assert.Equal("benchmark", On(2017, 2, 28).Level);
    }

    [Theory]
    [InlineData(2016, 2, 29, 2019, 2, 28)]
    [InlineData(2017, 3, 1, 2020, 2, 29)]
    [InlineData(2018, 6, 15, 2021, 6, 14)]
    public void Ban_LastsThreeFullYears_AlsoFromALeapDay(int y, int m, int d, int uy, int um, int ud)
    {
        var ban = new DisqualificationRegistry().Ban("91130200FRAUD0009", "fraud", new DateOnly(y, m, d));
        Assert.Equal(new DateOnly(uy, um, ud), ban.Until);
    }

    [Fact]
    public void Ban_OnAnotherApplicant_DoesNotMatter()
    {
        var registry = new DisqualificationRegistry();
        registry.Ban("91130200FRAUD0001", "fraud", new DateOnly(2018, 1, 1));

        var result = Shipped.Score(Eligible().CreditCode("91130200CLEAN0002"), new ScoringOptions { Registry = registry, TimeProvider = FixedTimeProvider.On(2018, 9, 1) });

        Assert.Equal("benchmark", result.Level);
    }

    [Fact]
    public void ProviderPool_WhenConfigured_RequiresTheProviderOnTheList()
    {
        var options = new ScoringOptions { ProviderPool = new HashSet<string>(StringComparer.Ordinal) { "Huawei Cloud", "Alibaba Cloud" } };

        Assert.Equal("benchmark", Shipped.Score(Eligible().Provider("Alibaba Cloud"), options).Level);

        var off = Shipped.Score(Eligible().Provider("Unknown Cloud"), options);
        Assert.Equal("", off.Level);
        var gate = off.Criterion("gate.provider_pool", "benchmark");
        Assert.False(gate.Passed);
        Assert.Equal("Provider in the province's pool failed: ✓ provider_in_pool = yes; ✗ provider 'Unknown Cloud' is not on the pool list", gate.Explanation);
        Assert.Equal("云服务商在资源池内未通过：✓ provider_in_pool = 是; ✗ 云服务商“Unknown Cloud”不在资源池名单内", gate.ExplanationZh);
        var on = Shipped.Score(Eligible().Provider("Alibaba Cloud"), options).Criterion("gate.provider_pool", "benchmark");
        Assert.Equal("Provider in the province's pool passed: ✓ provider_in_pool = yes; ✓ provider 'Alibaba Cloud' is on the pool list", on.Explanation);
        Assert.Equal("云服务商在资源池内通过：✓ provider_in_pool = 是; ✓ 云服务商“Alibaba Cloud”在资源池名单内", on.ExplanationZh);
        Assert.Contains(off.Gaps, g => g.Target == "applicant.provider");

        // Without a list, the provider's confirmation flag is enough.
        Assert.Equal("benchmark", Shipped.Score(Eligible().Provider("Unknown Cloud")).Level);
    }

    [Fact]
    public void ProviderPool_NeedsTheProvidersConfirmationEvenWhenListed()
    {
        var options = new ScoringOptions { ProviderPool = new HashSet<string>(StringComparer.Ordinal) { "Huawei Cloud" } };

        var result = Shipped.Score(Eligible().Flag("provider_in_pool", false), options);

        Assert.False(result.Criterion("gate.provider_pool", "benchmark").Passed);
    }

    [Fact]
    public void Example_ExpertMeans_AndRangeWhileALineIsMissing()
    {
        var result = Shipped.Score(Examples.Load("hb-benchmark-2018-tangshan-steel.json"));

        Assert.Equal("benchmark", result.Level);
        Assert.Equal(36_000, result.SubsidyYuan);
        // application_depth: mean of 32 and 35 = 33.5; benefit 24; demonstration (30) not scored yet.
        Assert.Equal(33.5, result.Criterion("expert.application_depth").Points);
        Assert.Equal(57.5, result.ExpertScore);
        Assert.Equal(57.5, result.TotalScoreMin);
        Assert.Equal(87.5, result.TotalScoreMax);
        Assert.Contains("not scored", result.Criterion("expert.demonstration").Explanation, StringComparison.Ordinal);
    }
}
