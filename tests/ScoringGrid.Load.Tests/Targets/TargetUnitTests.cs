using ScoringGrid.Grpc;
using ScoringGrid.Load.Targets;

namespace ScoringGrid.Load.Tests.Targets;

public class TargetUnitTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/", true)]
    [InlineData("http://127.8.9.10/", true)]
    [InlineData("http://localhost:1/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("http://10.0.0.5/", false)]
    [InlineData("https://vendor.example.com/api", false)]
    public void Guard_AllowsOnlyLoopbackUnlessRemoteIsAllowed(string url, bool loopback)
    {
        var uri = new Uri(url);
        Assert.Equal(loopback, TargetGuard.IsLoopback(uri));
        if (!loopback)
        {
            var e = Assert.Throws<InvalidOperationException>(() => TargetGuard.EnsureAllowed(uri, allowRemote: false));
            Assert.Contains("--allow-remote", e.Message, StringComparison.Ordinal);
        }

        TargetGuard.EnsureAllowed(uri, allowRemote: true);
    }

    [Fact]
    public void RequestFile_GivesMethodUrlHeadersAndBody()
    {
        var t = HttpRequestTemplate.Parse("# a comment\nPOST /v1/evaluate HTTP/1.1\nContent-Type: application/json\nAuthorization: Bearer k\n\n{\"a\":1}\n", new Uri("http://127.0.0.1:9000"));
        Assert.Equal(HttpMethod.Post, t.Method);
        Assert.Equal(new Uri("http://127.0.0.1:9000/v1/evaluate"), t.Uri);
        Assert.Equal("{\"a\":1}", System.Text.Encoding.UTF8.GetString(t.Body));
        using var message = t.CreateMessage(System.Net.HttpVersion.Version11);
        Assert.Equal("Bearer k", message.Headers.Authorization!.ToString());
        Assert.Equal("application/json", message.Content!.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void RequestFile_RejectsBadHeaderLinesByNumber()
    {
        var e = Assert.Throws<FormatException>(() => HttpRequestTemplate.Parse("GET http://127.0.0.1/\nno colon here\n", null));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StatusCode.OK, "grpc OK")]
    [InlineData(StatusCode.Unavailable, "grpc UNAVAILABLE")]
    [InlineData(StatusCode.ResourceExhausted, "grpc RESOURCE_EXHAUSTED")]
    [InlineData(StatusCode.DeadlineExceeded, "grpc DEADLINE_EXCEEDED")]
    public void GrpcErrors_AreNamedByCanonicalStatus(StatusCode code, string kind) => Assert.Equal(kind, ErrorKinds.Grpc(code));
}
