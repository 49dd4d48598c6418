using ScoringGrid.Collector.Service;

namespace ScoringGrid.Verification.Tests.Collector;

/// <summary>The collector process refuses bad command-line options with a message naming the option, before it starts.</summary>
public sealed class CollectorArgumentsTests
{
    [Theory]
    [InlineData("--leases", "maybe", "--leases must be on or off")]
    [InlineData("--member-id", "two words", "MemberId must be 1-200 characters without whitespace (Parameter 'MemberId')")]
    [InlineData("--admin-key-sha256", "abc", "--admin-key-sha256 must be 64 hex digits: the SHA-256 of the key's UTF-8 bytes (as the server's Sha256 setting)")]
    [InlineData("--colour", "red", "unknown option --colour (expected --targets, --redis, --listen, --grpc-urls, --admin-key-sha256, --leases, --member-id)")]
    [InlineData("--redis", "notahost:abc", "--redis: 'notahost:abc' names no Redis endpoint (host:port).")]
    [InlineData("--redis", "127.0.0.1:6379,bogus=1", "--redis: Keyword 'bogus' is not supported")]
    public void ABadOption_IsRefused_WithItsName(string option, string value, string message)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => CollectorHost.Build(["--redis", "127.0.0.1:1", option, value]));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void AnOptionWithoutItsValue_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => CollectorHost.Build(["--leases"]));
        Assert.Equal("--leases needs a value", ex.Message);
    }
}
