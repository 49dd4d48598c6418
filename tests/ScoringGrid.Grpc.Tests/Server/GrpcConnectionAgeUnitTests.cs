using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ScoringGrid.Grpc.Server;

namespace ScoringGrid.Grpc.Tests.Server;

/// <summary>What GrpcConnectionAge refuses to apply: an age that is not positive, a negative finite grace.</summary>
public sealed class GrpcConnectionAgeUnitTests
{
    [Theory]
    [InlineData(0, -1, "MaxAge")]
    [InlineData(-5, -1, "MaxAge")]
    [InlineData(10, -2, "Grace")]
    public void AnAgeOrGraceOutOfRange_IsRefused_NamingIt(int ageSeconds, int graceSeconds, string parameter)
    {
        // -1 stands for an infinite grace (Timeout.InfiniteTimeSpan, minus one millisecond), which is allowed.
        var grace = graceSeconds == -1 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(graceSeconds);
        var age = new GrpcConnectionAge(TimeSpan.FromSeconds(ageSeconds), grace);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new KestrelServerOptions().Listen(IPAddress.Loopback, 0, age.ApplyTo));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void APositiveAge_WithAnInfiniteOrZeroGrace_IsApplied()
    {
        var options = new KestrelServerOptions();
        options.Listen(IPAddress.Loopback, 0, new GrpcConnectionAge(TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan).ApplyTo);
        options.Listen(IPAddress.Loopback, 0, new GrpcConnectionAge(TimeSpan.FromMinutes(30), TimeSpan.Zero).ApplyTo);
    }
}
