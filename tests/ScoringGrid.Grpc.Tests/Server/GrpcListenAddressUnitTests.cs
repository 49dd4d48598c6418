using ScoringGrid.Grpc.Server;

namespace ScoringGrid.Grpc.Tests.Server;

public class GrpcListenAddressUnitTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", false, "127.0.0.1", 5000)]
    [InlineData("https://localhost:5001/", true, "localhost", 5001)]
    [InlineData("http://*:8080", false, null, 8080)]
    [InlineData("http://+:80", false, null, 80)]
    [InlineData("http://[::1]:7000", false, "::1", 7000)]
    [InlineData("https://example.org", true, null, 443)]
    [InlineData("http://0.0.0.0:0", false, null, 0)]
    public void Parse_ReadsSchemeHostAndPort(string url, bool tls, string? host, int port) =>
        Assert.Equal(new GrpcListenAddress(tls, host, port), GrpcListenAddress.Parse(url));

    [Theory]
    [InlineData("127.0.0.1:5000")]
    [InlineData("ftp://host:1")]
    [InlineData("http://host:99999")]
    [InlineData("http://host:abc")]
    public void Parse_RejectsInvalidUrls(string url) =>
        Assert.Throws<FormatException>(() => GrpcListenAddress.Parse(url));
}
