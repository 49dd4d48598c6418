using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests;

/// <summary>
/// gRPC keepalive from the server: after ScoringGrid:KeepAlivePing without a frame, the server sends an
/// HTTP/2 PING; a client that answers keeps its connection, one that does not loses it after
/// ScoringGrid:KeepAliveTimeout. Seen on a raw h2c connection, frame by frame.
/// </summary>
public sealed class KeepAliveTests
{
    [Fact]
    public async Task AnUnansweredPing_ClosesTheConnection_AfterTheTimeout()
    {
        await using var server = await ServerFixture.StartAsync(false, null,
            "--ScoringGrid:KeepAlivePing", "00:00:01", "--ScoringGrid:KeepAliveTimeout", "00:00:01");
        using var connection = await RawH2Connection.OpenAsync(server.GrpcAddress);

        var ping = await connection.NextAsync(frame => frame.Type == RawH2Connection.Ping);
        Assert.NotNull(ping);
        Assert.Equal(0, ping.Flags & RawH2Connection.Ack);
        Assert.Equal(8, ping.Payload.Length);
        Assert.Equal(0, ping.StreamId);

        // Not answered: the server gives up on the connection; a GOAWAY may come first, then the end.
        var next = await connection.NextAsync(frame => frame.Type is RawH2Connection.GoAway or RawH2Connection.Ping);
        while (next is { Type: RawH2Connection.Ping })
        {
            next = await connection.NextAsync(frame => frame.Type is RawH2Connection.GoAway or RawH2Connection.Ping);
        }

        if (next is not null)
        {
            Assert.Equal(RawH2Connection.GoAway, next.Type);
            Assert.Null(await connection.NextAsync(_ => true));
        }
    }

    [Fact]
    public async Task AnsweredPings_KeepAnIdleConnection()
    {
        // Three seconds to answer, not one: a server starved of CPU for a second reads an answer late,
        // and would take its own lateness for the client's.
        await using var server = await ServerFixture.StartAsync(false, null,
            "--ScoringGrid:KeepAlivePing", "00:00:01", "--ScoringGrid:KeepAliveTimeout", "00:00:03");
        using var connection = await RawH2Connection.OpenAsync(server.GrpcAddress);

        // Four pings answered: the idle connection outlives the timeout.
        for (var i = 0; i < 4; i++)
        {
            var ping = await connection.NextAsync(frame => frame.Type is RawH2Connection.Ping or RawH2Connection.GoAway);
            Assert.NotNull(ping);
            Assert.Equal(RawH2Connection.Ping, ping.Type);
            await connection.SendAsync(RawH2Connection.Ping, RawH2Connection.Ack, 0, ping.Payload);
        }
    }

    [Theory]
    [InlineData(null, null, 60, 20)]
    [InlineData("00:00:30", "00:00:05", 30, 5)]
    public async Task TheDefaultIsAPingAMinute_AndTheSettingsSetKestrelsLimits(string? ping, string? timeout, int delaySeconds, int timeoutSeconds)
    {
        var args = ping is null ? [] : new[] { "--ScoringGrid:KeepAlivePing", ping, "--ScoringGrid:KeepAliveTimeout", timeout! };
        await using var server = await ServerFixture.StartAsync(false, null, args);

        var limits = server.App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.Http2;
        Assert.Equal(TimeSpan.FromSeconds(delaySeconds), limits.KeepAlivePingDelay);
        Assert.Equal(TimeSpan.FromSeconds(timeoutSeconds), limits.KeepAlivePingTimeout);
    }

    [Fact]
    public async Task Zero_SendsNoPings()
    {
        await using var server = await ServerFixture.StartAsync(false, null, "--ScoringGrid:KeepAlivePing", "00:00:00");

        var limits = server.App.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.Http2;
        Assert.Equal(TimeSpan.MaxValue, limits.KeepAlivePingDelay);
    }
}
