using System.Diagnostics;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Client;

/// <summary>
/// <see cref="RetryPolicy"/> on unary calls, against a handler that refuses the first attempts with
/// RESOURCE_EXHAUSTED (and, if asked, a pushback trailer), counting every attempt it sees.
/// </summary>
public sealed class RetryTests : IAsyncLifetime
{
    private InProcessServer _server = null!;

    public async Task InitializeAsync() => _server = await InProcessServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ARefusalWithPushback_IsRetriedAfterThePushback_NotTheBackoff()
    {
        // A backoff of an hour: only the pushback can make the retries come this soon.
        using var channel = Channel(new RetryPolicy { InitialBackoff = TimeSpan.FromHours(1), MaxBackoff = TimeSpan.FromHours(1) });
        var started = Stopwatch.GetTimestamp();

        var reply = await channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "pushed" }, Refusing(times: 2, pushback: "150"));

        Assert.Equal("pushed", reply.Message);
        Assert.Equal(3, _server.Parts.Probe.Attempts("pushed"));
        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(300), "retried before the pushback had passed");
    }

    [Fact]
    public async Task ARefusalWithoutPushback_IsRetriedAfterABackoff()
    {
        using var channel = Channel(new RetryPolicy { InitialBackoff = TimeSpan.FromMilliseconds(20) });

        var reply = await channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "backed-off" }, Refusing(times: 3));

        Assert.Equal("backed-off", reply.Message);
        Assert.Equal(4, _server.Parts.Probe.Attempts("backed-off"));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("soon")]
    public async Task APushbackThatIsNotANonNegativeInteger_MeansDoNotRetry(string pushback)
    {
        using var channel = Channel(new RetryPolicy());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "stop-" + pushback }, Refusing(times: 1, pushback)));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(1, _server.Parts.Probe.Attempts("stop-" + pushback));
    }

    [Fact]
    public async Task AfterMaxAttempts_TheLastFailureIsThrown()
    {
        using var channel = Channel(new RetryPolicy { MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(1) });

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "tired" }, Refusing(times: 10)));

        Assert.Equal("attempt 3 refused", error.Status.Detail);
        Assert.Equal(3, _server.Parts.Probe.Attempts("tired"));
    }

    [Fact]
    public async Task AStatusOutsideTheRetryableOnes_IsNotRetried()
    {
        using var channel = Channel(new RetryPolicy());

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "invalid", FailCode = (int)StatusCode.InvalidArgument, FailMessage = "no" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task APushbackBeyondTheDeadline_IsNotWaitedFor()
    {
        using var channel = Channel(new RetryPolicy());
        var options = Refusing(times: 1, pushback: "600000") with { Deadline = DateTime.UtcNow.AddSeconds(30) };
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "late" }, options));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(1, _server.Parts.Probe.Attempts("late"));
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "waited out the deadline");
    }

    [Fact]
    public async Task CancellingWhileWaitingToRetry_IsCancelled()
    {
        using var channel = Channel(new RetryPolicy());
        using var cancellation = new CancellationTokenSource();
        var options = Refusing(times: 1, pushback: "600000") with { CancellationToken = cancellation.Token };

        var call = channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "cancelled" }, options);
        while (_server.Parts.Probe.Attempts("cancelled") == 0)
        {
            await Task.Delay(10);
        }

        cancellation.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task WithoutAPolicy_NothingIsRetried()
    {
        using var channel = _server.CreateChannel();

        await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(TestMethods.Echo, new EchoRequest { Message = "once" }, Refusing(times: 1, pushback: "0")));

        Assert.Equal(1, _server.Parts.Probe.Attempts("once"));
    }

    private GrpcChannel Channel(RetryPolicy policy) => _server.CreateChannel(new GrpcChannelOptions { RetryPolicy = policy });

    private static CallOptions Refusing(int times, string? pushback = null)
    {
        var headers = new Metadata().Add("x-fail-times", times.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (pushback is not null)
        {
            headers.Add("x-pushback", pushback);
        }

        return new CallOptions { Headers = headers };
    }
}
