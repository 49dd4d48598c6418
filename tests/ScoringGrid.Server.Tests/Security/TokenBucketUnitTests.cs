using Microsoft.Extensions.Time.Testing;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Tests.Security;

public sealed class TokenBucketUnitTests
{
    [Fact]
    public void TryTake_AllowsTheBurst_ThenRefillsAtTheRate()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 3, time);

        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());

        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(bucket.TryTake());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());

        // A long pause refills to the burst, not beyond.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.True(bucket.TryTake());
        Assert.False(bucket.TryTake());
    }

    [Fact]
    public void Authenticator_RejectsAKeyWithAnUnknownScope_NamingIt()
    {
        var options = new SecurityOptions
        {
            ApiKeys = [new ApiKeyOptions { Id = "portal-1", Sha256 = new string('a', 64), Tenant = "jiangsu", Scopes = ["score", "rank"] }],
        };
        var error = Assert.Throws<InvalidOperationException>(() => new ApiKeyAuthenticator(options, TimeProvider.System));
        Assert.Contains("portal-1", error.Message);
        Assert.Contains("rank", error.Message);
    }

    [Fact]
    public void Authenticate_FindsTheKeyByItsHash_AndOnlyWithBearer()
    {
        var options = new SecurityOptions
        {
            ApiKeys = [new ApiKeyOptions { Id = "portal-1", Sha256 = ApiKeyAuthenticator.HashKey("s3cret"), Tenant = "jiangsu", Scopes = ["score"] }],
        };
        var auth = new ApiKeyAuthenticator(options, TimeProvider.System);

        Assert.Equal("portal-1", auth.Authenticate("Bearer s3cret")?.KeyId);
        Assert.Null(auth.Authenticate("Bearer s3cret2"));
        Assert.Null(auth.Authenticate("s3cret"));
        Assert.Null(auth.Authenticate(null));
        Assert.True(auth.Authenticate("Bearer s3cret")!.Has(ApiScope.Score));
        Assert.False(auth.Authenticate("Bearer s3cret")!.Has(ApiScope.Admin));
    }
}
