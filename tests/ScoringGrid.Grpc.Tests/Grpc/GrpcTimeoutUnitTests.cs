namespace ScoringGrid.Grpc.Tests.Grpc;

public class GrpcTimeoutUnitTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("200m", 2_000_000L)]
    [InlineData("150u", 1_500L)]
    [InlineData("500n", 5L)]
    [InlineData("99999999S", 999_999_990_000_000L)]
    [InlineData("0m", 0L)]
    public void TryParse_ValidValue_ReturnsTimeout(string value, long expectedTicks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out TimeSpan timeout));
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("m")]
    [InlineData("100")]
    [InlineData("123456789S")]
    [InlineData("10s")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData(" 1S")]
    [InlineData("1.5S")]
    public void TryParse_InvalidValue_IsIgnored(string value) =>
        Assert.False(GrpcTimeout.TryParse(value, out _));

    [Theory]
    [InlineData(50, "5000n")]
    [InlineData(20_000, "2000000n")]
    [InlineData(2_000_000, "200000u")]
    [InlineData(1_000_000_000, "100000m")]
    public void Format_ChoosesUnitThatFits(long ticks, string expected) =>
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));

    [Fact]
    public void Format_RoundsUp_AndStaysParsable()
    {
        foreach (TimeSpan value in new[] { TimeSpan.FromDays(3000), TimeSpan.FromHours(30), TimeSpan.FromMilliseconds(1234.5678) })
        {
            string text = GrpcTimeout.Format(value);
            Assert.True(text.Length <= 9);
            Assert.True(GrpcTimeout.TryParse(text, out TimeSpan parsed));
            Assert.True(parsed >= value, $"{text} parsed to {parsed}, shorter than {value}");
        }
    }
}
