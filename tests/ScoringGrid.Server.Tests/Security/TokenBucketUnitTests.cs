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

        Assert.True(TryTake(bucket));
        Assert.True(TryTake(bucket));
        Assert.True(TryTake(bucket));
        Assert.False(TryTake(bucket));

        time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(TryTake(bucket));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(TryTake(bucket));
        Assert.False(TryTake(bucket));

        // A long pause refills to the burst, not beyond.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(TryTake(bucket));
        Assert.True(TryTake(bucket));
        Assert.True(TryTake(bucket));
        Assert.False(TryTake(bucket));
    }

    [Fact]
    public void TryTake_WhenRefused_SaysHowLongUntilTheSameTakeWouldPass()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 3, time);
        Assert.True(bucket.TryTake(3, out var none));
        Assert.Equal(TimeSpan.Zero, none);

        Assert.False(bucket.TryTake(1, out var one));
        Assert.Equal(TimeSpan.FromMilliseconds(100), one);
        time.Advance(TimeSpan.FromMilliseconds(50));
        Assert.False(bucket.TryTake(2, out var two));
        Assert.Equal(TimeSpan.FromMilliseconds(150), two);

        // Waiting exactly as told is enough, and a refused take took nothing.
        time.Advance(two - TimeSpan.FromMilliseconds(1));
        Assert.False(bucket.TryTake(2, out _));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(bucket.TryTake(2, out _));
        Assert.False(bucket.TryTake(1, out _));
    }

    [Fact]
    public void TryTake_OfMoreThanTheBurst_NeverPasses_AndTakesNothing()
    {
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 3, new FakeTimeProvider());

        Assert.False(bucket.TryTake(4, out var retryAfter));
        Assert.Equal(Timeout.InfiniteTimeSpan, retryAfter);
        Assert.True(bucket.TryTake(3, out _));
    }

    [Fact]
    public void Take_BorrowsAhead_PacingEachTakerInTurn_AndRefusesOthersMeanwhile()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 2, time);

        Assert.Equal(TimeSpan.Zero, bucket.Take(2));
        Assert.Equal(TimeSpan.FromMilliseconds(200), bucket.Take(2));
        Assert.Equal(TimeSpan.FromMilliseconds(300), bucket.Take(1));

        // Three tokens are owed: a call must wait for them and for its own.
        Assert.False(bucket.TryTake(1, out var retryAfter));
        Assert.Equal(TimeSpan.FromMilliseconds(400), retryAfter);
        time.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(TryTake(bucket));
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(TryTake(bucket));

        Assert.Throws<ArgumentOutOfRangeException>(() => bucket.Take(3));
    }

    [Theory]
    [InlineData(0.5, 0, 1)]
    [InlineData(5, 0, 5)]
    [InlineData(5, 1, 1)]
    [InlineData(0.001, 2, 2)]
    public void Burst_DefaultsToOneSecondsWorth_ButNeverBelowOneCall(double rate, double burst, double expected)
    {
        var bucket = new TokenBucket(rate, burst, new FakeTimeProvider());

        Assert.Equal(expected, bucket.Burst);
        Assert.True(TryTake(bucket));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(double.NaN, 0)]
    [InlineData(double.PositiveInfinity, 0)]
    [InlineData(5, 0.5)]
    [InlineData(5, -1)]
    [InlineData(5, double.NaN)]
    public void ABucketThatCouldNeverAdmitACall_IsRefused(double rate, double burst) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(rate, burst, new FakeTimeProvider()));

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

    private static bool TryTake(TokenBucket bucket) => bucket.TryTake(1, out _);
}
