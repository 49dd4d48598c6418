namespace ScoringGrid.Grpc.Tests.Grpc;

public class GrpcStatusMessageUnitTests
{
    [Fact]
    public void Encode_PrintableAscii_IsUnchanged() =>
        Assert.Equal("Invalid rule: R-12 (missing)", GrpcStatusMessage.Encode("Invalid rule: R-12 (missing)"));

    [Fact]
    public void Encode_NonAsciiAndPercent_ArePercentEncodedUtf8() =>
        Assert.Equal("50%25 %E4%BA%91 %F0%9F%98%80%0A", GrpcStatusMessage.Encode("50% 云 😀\n"));

    [Theory]
    [InlineData("评分失败：规则集 js-star-2019 不存在")]
    [InlineData("tab\tand % and ~ and \u00e9")]
    [InlineData("")]
    public void Decode_OfEncode_RoundTrips(string detail) =>
        Assert.Equal(detail, GrpcStatusMessage.Decode(GrpcStatusMessage.Encode(detail)));

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("%zz ok", "%zz ok")]
    [InlineData("%4", "%4")]
    [InlineData("%e4%ba%91", "云")]
    public void Decode_MalformedEscapes_AreKept(string wire, string expected) =>
        Assert.Equal(expected, GrpcStatusMessage.Decode(wire));
}
