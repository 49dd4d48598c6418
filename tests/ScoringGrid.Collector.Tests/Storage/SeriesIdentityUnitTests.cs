using ScoringGrid.Collector.Internal;
using ScoringGrid.Prometheus;

namespace ScoringGrid.Collector.Tests.Storage;

public class SeriesIdentityUnitTests
{
    [Fact]
    public void Create_SortsLabelsByName() =>
        Assert.Equal("m{a=\"1\",b=\"2\",c=\"3\"}", SeriesIdentity.Create("m", [new Label("c", "3"), new Label("a", "1"), new Label("b", "2")]));

    [Fact]
    public void Create_EscapesValues() =>
        Assert.Equal("m{a=\"q\\\"b\\\\n\\n\"}", SeriesIdentity.Create("m", [new Label("a", "q\"b\\n\n")]));

    [Fact]
    public void Create_WithoutLabels_IsTheName() => Assert.Equal("up", SeriesIdentity.Create("up", []));

    [Fact]
    public void Create_SameLabelsInAnyOrder_SameIdentity() =>
        Assert.Equal(
            SeriesIdentity.Create("x", [new Label("type", "a"), new Label("industry", "b")]),
            SeriesIdentity.Create("x", [new Label("industry", "b"), new Label("type", "a")]));

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("\n\\x\"")]
    [InlineData("a value long enough for the vectorised search, \"quoted\" twice\\ with a \\ and a\nline feed at 64+ chars\n")]
    public void Create_EscapesEveryQuoteBackslashAndLineFeed_Anywhere(string value)
    {
        var expected = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        Assert.Equal($"m{{a=\"{expected}\",b=\"{expected}\"}}", SeriesIdentity.Create("m", [new Label("b", value), new Label("a", value)]));
    }
}
