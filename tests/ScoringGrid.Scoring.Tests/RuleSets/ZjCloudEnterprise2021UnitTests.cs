using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.RuleSets;

/// Rulebook §4: weight × N ÷ M lines, the server-unit formula, M = 0, caps, N &gt; M errors,
/// expert means and ranges, rounding at the end only, points summing exactly to the totals.
public class ZjCloudEnterprise2021UnitTests
{
    private const string Id = "zj-cloud-enterprise-2021";

    /// (line, N figure, M figure) for the lines that are one figure over another, from the rulebook's table.
    public static readonly (string Line, string N, string M)[] SimpleLines =
    [
        ("infra.storage", "cloud_storage_tb", "total_storage_tb"),
        ("infra.security", "cloud_security_spend_wan", "total_security_spend_wan"),
        ("infra.database", "cloud_database_spend_wan", "total_database_spend_wan"),
        ("biz.rd", "cloud_rd_systems", "total_rd_systems"),
        ("biz.production", "cloud_production_systems", "total_production_systems"),
        ("biz.supply_chain", "cloud_supply_systems", "total_supply_systems"),
        ("biz.marketing", "cloud_marketing_systems", "total_marketing_systems"),
        ("biz.other", "cloud_other_systems", "total_other_systems"),
        ("mgmt.office", "cloud_office_systems", "total_office_systems"),
        ("mgmt.device_access", "cloud_devices", "total_devices"),
        ("mgmt.device_mgmt", "cloud_device_mgmt_systems", "total_device_mgmt_systems"),
        ("investment", "cloud_investment_3y_wan", "it_investment_3y_wan"),
    ];

    public static readonly string[] DataItems = ["data.rd", "data.design", "data.production", "data.supply_chain", "data.sales", "data.service"];

    public static readonly (string Line, double Weight)[] ExpertLines =
    [
        ("expert.xinchuang", 4), ("expert.cloud_native", 4), ("expert.cloud_mgmt", 5), ("expert.platform_use", 4),
        ("expert.new_manufacturing", 4), ("expert.performance_case", 4),
    ];

    public static TheoryData<string> SimpleLineIds => [.. SimpleLines.Select(l => l.Line)];

    private static AppBuilder Eligible() =>
        new AppBuilder(Id, "zhejiang").Flags("registered_in_province", "manufacturing_enterprise", "clean_credit");

    private static Criterion Line(ScoreResult r, string id) => r.Criterion(id);

    [Fact]
    public void Example_SelfExpertAndTotal()
    {
        var result = Shipped.Score(Examples.Load("zj-cloud-enterprise-2021-ningbo-molds.json"));

        Assert.True(result.Eligible);
        Assert.Equal("", result.Level);
        Assert.Equal(46.23, result.SelfScore);
        Assert.Equal(10.25, result.ExpertScore);
        Assert.Equal(56.48, result.TotalScore);
        Assert.Equal(56.48, result.TotalScoreMin);
        Assert.Equal(68.48, result.TotalScoreMax);
        AssertPointsSumExactly(result);
    }

    [Theory]
    [MemberData(nameof(SimpleLineIds))]
    public void SimpleLine_IsWeightTimesNOverM(string line)
    {
        var (_, n, m) = SimpleLines.Single(l => l.Line == line);

        var result = Shipped.Score(Eligible().Figure(n, 3).Figure(m, 8));

        Assert.Equal(1.88, Line(result, line).Points); // 5 × 3 ÷ 8 = 1.875 → 1.88
        Assert.Equal(5, Line(result, line).MaxPoints);
        Assert.Equal(1.88, result.SelfScore);
    }

    [Theory]
    [InlineData(8, 0, 16, 64, 1.25)]      // N = (8/4 + 0/16)/2 = 1; M = (16/4 + 64/16)/2 = 4
    [InlineData(64, 256, 96, 384, 3.33)]  // 16 of 24 units
    [InlineData(0, 32, 4, 16, 5)]         // N = (0 + 2)/2 = 1 = M
    [InlineData(2, 8, 40, 0, 0.5)]        // N = (0.5 + 0.5)/2 = 0.5; M = 5
    public void Servers_UseTheUnitFormula(double cores, double memory, double totalCores, double totalMemory, double points)
    {
        var app = Eligible().Figure("cloud_server_cores", cores).Figure("cloud_server_memory_gb", memory)
            .Figure("total_server_cores", totalCores).Figure("total_server_memory_gb", totalMemory);

        var result = Shipped.Score(app);

        Assert.Equal(points, Line(result, "infra.servers").Points);
    }

    [Theory]
    [MemberData(nameof(SimpleLineIds))]
    public void MZero_GivesZeroPoints_AndSaysSo(string line)
    {
        var (_, n, m) = SimpleLines.Single(l => l.Line == line);

        var c = Line(Shipped.Score(Eligible().Figure(n, 0).Figure(m, 0)), line);

        Assert.Equal(0, c.Points);
        Assert.Contains($"M ({m}) = 0", c.Explanation, StringComparison.Ordinal);
        Assert.Contains("0 of 5 points", c.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SimpleLineIds))]
    public void NGreaterThanM_IsInvalidArgument_NamingTheLine(string line)
    {
        var (_, n, m) = SimpleLines.Single(l => l.Line == line);

        var error = Shipped.Reject(Eligible().Figure(n, 9).Figure(m, 8));

        Assert.Equal(ScoringErrorCodes.InvalidArgument, error.Code);
        Assert.Equal(line, error.Field);
        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Servers_NGreaterThanM_IsInvalidArgument()
    {
        var error = Shipped.Reject(Eligible().Figure("cloud_server_cores", 8).Figure("total_server_cores", 4));

        Assert.Equal("infra.servers", error.Field);
    }

    [Fact]
    public void CollabSystems_NGreaterThanM_IsCappedAtTheWeight_WithANote()
    {
        // M = sum of the five cloud_*_systems of biz.* = 1 + 1 + 0 + 0 + 1 = 3.
        var app = Eligible().Figure("cloud_rd_systems", 1).Figure("total_rd_systems", 1).Figure("cloud_production_systems", 1)
            .Figure("total_production_systems", 2).Figure("cloud_other_systems", 1).Figure("total_other_systems", 4).Figure("collaborating_systems", 10);

        var c = Line(Shipped.Score(app), "collab.systems");

        Assert.Equal(5, c.Points);
        Assert.Contains("capped", c.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void CollabSystems_MIsTheSumOfTheFiveBusinessLinesN()
    {
        var app = Eligible().Figure("cloud_rd_systems", 2).Figure("total_rd_systems", 2).Figure("cloud_supply_systems", 3).Figure("total_supply_systems", 3)
            .Figure("cloud_marketing_systems", 3).Figure("total_marketing_systems", 3).Figure("cloud_office_systems", 50).Figure("total_office_systems", 50)
            .Figure("collaborating_systems", 2);

        Assert.Equal(1.25, Line(Shipped.Score(app), "collab.systems").Points); // 5 × 2 ÷ 8; office systems are not biz.*
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0.83)]
    [InlineData(3, 2.5)]
    [InlineData(6, 5)]
    public void CollabData_CountsTickedDataItemsOutOfSix(int ticked, double points)
    {
        var result = Shipped.Score(Eligible().Tick(DataItems.Take(ticked)));

        Assert.Equal(points, Line(result, "collab.data").Points);
    }

    [Fact]
    public void Rounding_HappensAtTheEndOnly()
    {
        // Three lines of 5 × 1 ÷ 3 = 1.666…: rounding each first would give 5.01; the exact sum is 5.
        var app = Eligible().Figure("cloud_storage_tb", 1).Figure("total_storage_tb", 3).Figure("cloud_security_spend_wan", 1)
            .Figure("total_security_spend_wan", 3).Figure("cloud_database_spend_wan", 1).Figure("total_database_spend_wan", 3);

        var result = Shipped.Score(app);

        Assert.Equal(5.00, result.SelfScore);
        AssertPointsSumExactly(result);
        Assert.Equal([1.66, 1.67, 1.67], new[] { "infra.storage", "infra.security", "infra.database" }.Select(l => Line(result, l).Points).Order());
    }

    [Fact]
    public void Gate_DecidesEligibility_ButScoresAreComputedEitherWay()
    {
        var outsider = Shipped.Score(Eligible().Province("jiangsu").Figure("cloud_storage_tb", 1).Figure("total_storage_tb", 2));

        Assert.False(outsider.Eligible);
        Assert.Equal(2.5, outsider.SelfScore);
        Assert.False(outsider.Criterion("gate.basic").Passed);
        Assert.Contains(outsider.Gaps, g => g.Target == "applicant.province");

        Assert.True(Shipped.Score(Eligible()).Eligible);
        Assert.Empty(Shipped.Score(Eligible()).Gaps);
    }

    [Fact]
    public void ExpertLines_MeanOfSeveralExperts_AndRangeWhileSomeAreMissing()
    {
        var result = Shipped.Score(Eligible().Expert("expert.cloud_mgmt", 4, 5, 4.5).Expert("expert.xinchuang", 1, 2));

        Assert.Equal(4.5, Line(result, "expert.cloud_mgmt").Points);
        Assert.Equal(1.5, Line(result, "expert.xinchuang").Points);
        Assert.Equal(6, result.ExpertScore);
        Assert.Equal(0, result.SelfScore);
        Assert.Equal(6, result.TotalScore);
        Assert.Equal(6, result.TotalScoreMin);
        Assert.Equal(6 + 4 * 4, result.TotalScoreMax); // four lines of weight 4 still missing
    }

    [Fact]
    public void ExpertLines_AllEntered_NoRange()
    {
        var app = Eligible();
        foreach (var (line, weight) in ExpertLines)
        {
            app.Expert(line, weight, 0);
        }

        var result = Shipped.Score(app);

        Assert.Equal(12.5, result.ExpertScore);
        Assert.Null(result.TotalScoreMin);
        Assert.Null(result.TotalScoreMax);
    }

    [Fact]
    public void ExpertTotal_ExactHalfCent_RoundsUp_DespiteFloatNoise()
    {
        // Means 3.41666…, 2.875, 1, 2.41666…, 2.16666…, 2.5 sum to exactly 14.375; added as doubles they give 14.374999999999998.
        var app = Eligible().Expert("expert.xinchuang", 3, 3.75, 3.5).Expert("expert.cloud_native", 2.5, 3.25).Expert("expert.cloud_mgmt", 1)
            .Expert("expert.platform_use", 2, 2, 3.25).Expert("expert.new_manufacturing", 0.25, 2.25, 4).Expert("expert.performance_case", 2.75, 3.75, 1);

        var result = Shipped.Score(app);

        Assert.Equal(14.38, result.ExpertScore);
        Assert.Equal(14.38, result.TotalScore);
        AssertPointsSumExactly(result);
    }

    [Theory]
    [InlineData("expert.xinchuang", 4.01)]
    [InlineData("expert.cloud_mgmt", 5.5)]
    [InlineData("expert.cloud_native", -0.5)]
    [InlineData("expert.platform_use", double.NaN)]
    [InlineData("expert.platform_use", double.PositiveInfinity)]
    public void ExpertScore_OutsideZeroToWeight_IsAnErrorNamingTheLine(string line, double score)
    {
        var error = Shipped.Reject(Eligible().Expert(line, 3, score));

        Assert.Equal(ScoringErrorCodes.InvalidArgument, error.Code);
        Assert.Equal($"expert_scores.{line}", error.Field);
    }

    [Theory]
    [InlineData("expert.xinchuang", 4)]
    [InlineData("expert.cloud_mgmt", 5)]
    [InlineData("expert.cloud_native", 0)]
    public void ExpertScore_AtTheBounds_IsAccepted(string line, double score) =>
        Assert.Equal(score, Line(Shipped.Score(Eligible().Expert(line, score)), line).Points);

    [Fact]
    public void RandomApplications_ScoresMatchExactArithmetic_AndPointsSumExactly()
    {
        var random = new Random(20210601);
        var rs = Shipped.RuleSet(Id);
        for (var run = 0; run < 3_000; run++)
        {
            var app = Eligible();
            var expected = Fraction.Zero;
            foreach (var (line, n, m) in SimpleLines)
            {
                if (random.Next(8) == 0)
                {
                    continue; // undeclared line
                }

                var mv = random.Next(0, 13);
                var nv = random.Next(0, mv + 1);
                app.Figure(n, nv).Figure(m, mv);
                if (mv > 0)
                {
                    expected += new Fraction(5 * nv, mv);
                }
            }

            // Servers: N = (cores/4 + memory/16)/2.
            var tc = random.Next(0, 65);
            var tm = random.Next(0, 257);
            var cc = random.Next(0, tc + 1);
            var cm = random.Next(0, tm + 1);
            app.Figure("cloud_server_cores", cc).Figure("cloud_server_memory_gb", cm).Figure("total_server_cores", tc).Figure("total_server_memory_gb", tm);
            var unitsN = (new Fraction(cc, 4) + new Fraction(cm, 16)) / 2;
            var unitsM = (new Fraction(tc, 4) + new Fraction(tm, 16)) / 2;
            if (unitsM > Fraction.Zero)
            {
                expected += 5 * unitsN / unitsM;
            }

            // collab.systems: N over the sum of the biz.* N, capped.
            var built = app.Build();
            var bizN = new[] { "cloud_rd_systems", "cloud_production_systems", "cloud_supply_systems", "cloud_marketing_systems", "cloud_other_systems" }
                .Sum(f => built.Figures.TryGetValue(f, out var v) ? (int)v : 0);
            var collaborating = random.Next(0, 15);
            app.Figure("collaborating_systems", collaborating);
            if (bizN > 0)
            {
                expected += collaborating > bizN ? 5 : new Fraction(5 * collaborating, bizN);
            }

            var data = DataItems.Where(_ => random.Next(2) == 0).ToArray();
            app.Tick(data);
            expected += new Fraction(5 * data.Length, 6);

            var expert = Fraction.Zero;
            foreach (var (line, weight) in ExpertLines)
            {
                var count = random.Next(0, 4);
                if (count == 0)
                {
                    continue;
                }

                var scores = Enumerable.Range(0, count).Select(_ => random.Next(0, (int)(weight * 4) + 1) / 4.0).ToArray();
                app.Expert(line, scores);
                expert += scores.Aggregate(Fraction.Zero, (s, x) => s + Fraction.Of(x)) / count;
            }

            var outcome = rs.Score(app.Build());
            Assert.True(outcome.Succeeded, outcome.Error?.Message);
            var result = outcome.Result;
            Assert.Equal(expected.ToCents(), (decimal)result.SelfScore!.Value);
            Assert.Equal(expert.ToCents(), (decimal)result.ExpertScore!.Value);
            AssertPointsSumExactly(result);
        }
    }

    /// Criteria points, added as decimals, equal the self, expert and total scores exactly.
    private static void AssertPointsSumExactly(ScoreResult result)
    {
        var self = result.Criteria.Where(c => c.Kind == "line").Sum(c => (decimal)c.Points);
        var expert = result.Criteria.Where(c => c.Kind == "expert").Sum(c => (decimal)c.Points);
        Assert.Equal((decimal)result.SelfScore!.Value, self);
        Assert.Equal((decimal)result.ExpertScore!.Value, expert);
        Assert.Equal((decimal)result.TotalScore!.Value, self + expert);
        Assert.All(result.Criteria, c => Assert.Equal(Math.Round((decimal)c.Points, 2), (decimal)c.Points));
        Assert.All(result.Criteria, c => Assert.InRange(c.Points, 0, c.MaxPoints));
    }
}
