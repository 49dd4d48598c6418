namespace ScoringGrid.Scoring.Tests.Loading;

/// Loading validates everything and names the file, the rule and the problem.
public class RuleSetCompilerUnitTests
{
    private static string Replace(string from, string to)
    {
        Assert.Contains(from, RuleFiles.Demo, StringComparison.Ordinal);
        return RuleFiles.Demo.Replace(from, to, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoFile_Compiles()
    {
        var rs = RuleFiles.Compile(RuleFiles.Demo);

        Assert.Equal("demo@1.0", rs.Key);
        Assert.Equal(["low", "high"], rs.Levels);
        Assert.Contains(rs.Rules, r => r.Id == "devices" && r.Level == "high" && r.Threshold == 100);
    }

    [Fact]
    public void UnknownItemGroupInACount_NamesFileRuleAndProblem()
    {
        var e = RuleFiles.Fail(Replace("{count: g, ge: 2}", "{count: [g, h], ge: 2}"));

        Assert.Equal("demo.yaml", e.File);
        Assert.Equal("items", e.Rule);
        Assert.Contains("unknown item group 'h'", e.Problem, StringComparison.Ordinal);
        Assert.StartsWith("demo.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains("rule 'items'", e.Message, StringComparison.Ordinal);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void UnknownItemIdInAnItemsCount_IsAnError()
    {
        var e = RuleFiles.Fail(Replace("{count: g, ge: 2}", "{items: [g.a, g.z], ge: 2}"));

        Assert.Equal("items", e.Rule);
        Assert.Contains("unknown item 'g.z'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleNamingAnUnknownLevel_IsAnError()
    {
        var e = RuleFiles.Fail(Replace("levels: [high]", "levels: [middle]"));

        Assert.Equal("items", e.Rule);
        Assert.Contains("unknown level 'middle'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void PerLevelThresholdNamingAnUnknownLevel_IsAnError()
    {
        var e = RuleFiles.Fail(Replace("{low: 10, high: 100}", "{low: 10, high: 100, top: 1000}"));

        Assert.Equal("devices", e.Rule);
        Assert.Contains("unknown level 'top'", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("\"ten\"")]
    [InlineData("[10]")]
    [InlineData(".inf")]
    public void ThresholdThatIsNotANumber_IsAnError(string threshold)
    {
        var e = RuleFiles.Fail(Replace("{count: g, ge: 2}", $"{{count: g, ge: {threshold}}}"));

        Assert.Equal("items", e.Rule);
        Assert.Contains("not a number", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateRuleIds_AreAnError()
    {
        var e = RuleFiles.Fail(RuleFiles.Demo + "\n  - id: gate\n    check: {flag: ok}\n");

        Assert.Equal("gate", e.Rule);
        Assert.Contains("duplicate rule id", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateItemIds_AcrossGroups_AreAnError()
    {
        var e = RuleFiles.Fail(Replace("      g.b: B\n", "      g.b: B\n  - id: h\n    items:\n      g.a: again\n"));

        Assert.Contains("duplicate item id 'g.a'", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CycleOfRuleReferences_IsAnError()
    {
        var yaml = Replace("check: {flag: ok}", "check: {rule: loop}") + "\n  - id: loop\n    check: {all: [{rule: gate}, {flag: ok}]}\n";

        var e = RuleFiles.Fail(yaml);

        Assert.Contains("cycle", e.Problem, StringComparison.Ordinal);
        Assert.Contains("gate", e.Problem, StringComparison.Ordinal);
        Assert.Contains("loop", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SelfReference_IsACycle() =>
        Assert.Contains("cycle", RuleFiles.Fail(Replace("check: {flag: ok}", "check: {rule: gate}")).Problem, StringComparison.Ordinal);

    [Fact]
    public void ReferenceToAnotherRule_Compiles_AndEvaluatesTheSame()
    {
        var rs = RuleFiles.Compile(RuleFiles.Demo + "\n  - id: also_ok\n    check: {rule: gate}\n");
        var app = new Application { RuleSet = "demo" };
        app.Flags["ok"] = false;

        var result = rs.Score(app).Result!;

        Assert.False(result.Criteria.Single(c => c.Id == "also_ok" && c.Level == "low").Passed);
    }

    [Fact]
    public void ReferenceToAnUnknownRule_IsAnError() =>
        Assert.Contains("unknown rule 'nope'", RuleFiles.Fail(Replace("check: {flag: ok}", "check: {rule: nope}")).Problem, StringComparison.Ordinal);

    [Fact]
    public void UnknownTopLevelKey_IsAnError()
    {
        var e = RuleFiles.Fail(RuleFiles.Demo.Replace("title: Demo", "title: Demo\ncolour: red", StringComparison.Ordinal));

        Assert.Equal("", e.Rule);
        Assert.Contains("unknown key 'colour'", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{flag: ok}", "{flag: okay}", "unknown flag 'okay'")]
    [InlineData("{figure: devices, ge:", "{figure: machines, ge:", "unknown figure 'machines'")]
    [InlineData("{flag: ok}", "{deployment: [cloud]}", "unknown deployment 'cloud'")]
    [InlineData("{flag: ok}", "{date: signed, on_or_before: 2018-08-31}", "unknown date 'signed'")]
    [InlineData("{flag: ok}", "{flag: ok, colour: red}", "unknown key 'colour'")]
    [InlineData("{count: g, ge: 2}", "{count: g, ge: -2}", "negative")]
    [InlineData("{count: g, ge: 2}", "{count: g, ge: 2, distinct: colours}", "distinct")]
    public void OtherBrokenRules_NameTheProblem(string from, string to, string problem)
    {
        var e = RuleFiles.Fail(Replace(from, to));

        Assert.NotEqual("", e.Rule);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYaml_NamesTheFileAndLine()
    {
        var e = RuleFiles.Fail("id: demo\nversion: [1\n", "broken.yaml");

        Assert.Equal("broken.yaml", e.File);
        Assert.Contains("not valid YAML", e.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("version")]
    [InlineData("rules")]
    public void MissingRequiredKey_IsAnError(string key)
    {
        var lines = RuleFiles.Demo.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal));
        var kept = lines.Where((l, i) => i < start || (i > start && (key != "rules" || l.Length == 0 || !l.StartsWith(' '))));

        Assert.Contains($"missing '{key}'", RuleFiles.Fail(string.Join('\n', kept)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryShippedRuleFile_Compiles_WithItsFileName()
    {
        var catalog = RuleSetCatalog.LoadShipped();

        Assert.Equal(
            ["hb-benchmark-2018", "js-benchmark-factory-2019", "js-iiot-platform-2019", "js-star-2018", "js-star-2019", "zj-cloud-enterprise-2021"],
            catalog.RuleSets.Select(r => r.Id));
        Assert.All(catalog.RuleSets, r => Assert.Equal($"{r.Id}.yaml", r.SourceFile));
    }
}
