using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Loading;

/// The digest is SHA-256 of the canonical form: layout-free, rule-sensitive.
public class CanonicalDigestUnitTests
{
    [Fact]
    public void Reformatting_CommentsWhitespaceKeyOrderAndFlowStyle_KeepsTheDigest()
    {
        var a = RuleFiles.Compile(RuleFiles.Demo);
        var b = RuleFiles.Compile(RuleFiles.DemoReformatted, "elsewhere.yaml");

        Assert.Matches("^[0-9a-f]{64}$", a.Digest);
        Assert.Equal(a.Digest, b.Digest);
    }

    [Fact]
    public void NumberSpelling_KeepsTheDigest() =>
        Assert.Equal(RuleFiles.Compile(RuleFiles.Demo).Digest, RuleFiles.Compile(RuleFiles.Demo.Replace("high: 100}", "high: 100.0}", StringComparison.Ordinal)).Digest);

    [Theory]
    [InlineData("high: 100}", "high: 101}")]
    [InlineData("{count: g, ge: 2}", "{count: g, ge: 1}")]
    [InlineData("levels: [high]", "levels: [low, high]")]
    [InlineData("{flag: ok}", "{all: [{flag: ok}]}")]
    [InlineData("title: Demo", "title: Demo 2")]
    public void ChangingARule_ChangesTheDigest(string from, string to)
    {
        var changed = RuleFiles.Demo.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(RuleFiles.Demo, changed);

        Assert.NotEqual(RuleFiles.Compile(RuleFiles.Demo).Digest, RuleFiles.Compile(changed).Digest);
    }

    [Fact]
    public void ShippedFile_WithExtraCommentsAndBlankLines_HasTheShippedDigest()
    {
        var text = Shipped.RuleFileText("js-star-2019");
        var reformatted = "# reviewed 2019-01-02\n\n" + text.Replace("\nrules:\n", "\n\n# the rules\nrules:   \n", StringComparison.Ordinal);

        Assert.Equal(Shipped.RuleSet("js-star-2019").Digest, RuleSetCatalog.Compile("js-star-2019.yaml", reformatted).Digest);
    }

    [Fact]
    public void ShippedFile_WithAThresholdChanged_HasAnotherDigest()
    {
        var text = Shipped.RuleFileText("js-star-2019");
        var changed = text.Replace("ge: 10000}", "ge: 10001}", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);

        Assert.NotEqual(Shipped.RuleSet("js-star-2019").Digest, RuleSetCatalog.Compile("js-star-2019.yaml", changed).Digest);
    }

    [Fact]
    public void ShippedRuleSets_HaveDistinctDigests() =>
        Assert.Equal(6, Shipped.Catalog.RuleSets.Select(r => r.Digest).Distinct().Count());
}
