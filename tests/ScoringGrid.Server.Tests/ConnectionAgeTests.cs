using System.Buffers.Binary;
using System.Diagnostics;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Tests.Shared;

namespace ScoringGrid.Server.Tests;

/// <summary>
/// ScoringGrid:MaxConnectionAge: a connection past its age gets GOAWAY, so its client's next call opens
/// a new connection; calls in flight finish on the old one, unless ScoringGrid:MaxConnectionAgeGrace
/// runs out first.
/// </summary>
public sealed class ConnectionAgeTests
{
    [Fact]
    public async Task AConnectionPastItsAge_GetsGoAwayWithNoError_AndCloses()
    {
        await using var server = await ServerFixture.StartAsync(false, null, "--ScoringGrid:MaxConnectionAge", "00:00:01");
        var opened = Stopwatch.StartNew();
        using var connection = await RawH2Connection.OpenAsync(server.GrpcAddress);

        var goAway = await connection.NextAsync(frame => frame.Type == RawH2Connection.GoAway);

        Assert.NotNull(goAway);
        // The age is jittered by 10 % either way, never shortened further.
        Assert.True(opened.Elapsed >= TimeSpan.FromSeconds(0.85), $"GOAWAY after {opened.Elapsed}");
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32BigEndian(goAway.Payload.AsSpan(4))); // NO_ERROR
        // No call was in flight, so nothing keeps the connection open.
        while (await connection.NextAsync(frame => frame.Type == RawH2Connection.GoAway) is not null)
        {
        }

        Assert.False(connection.WasReset);
    }

    [Fact]
    public async Task AClientStillWritingAfterTheGoAway_IsNotReset()
    {
        // A real client loses this race now and then: its next call leaves before the GOAWAY arrives. A
        // server that closed its socket at once answers those bytes with a reset, and the client's next
        // write fails (grpcio: UNAVAILABLE "Broken pipe") instead of its call being retried on a new
        // connection, as a stream above the GOAWAY's last stream id may be.
        await using var server = await ServerFixture.StartAsync(false, null, "--ScoringGrid:MaxConnectionAge", "00:00:00.5");
        using var connection = await RawH2Connection.OpenAsync(server.GrpcAddress);
        Assert.NotNull(await connection.NextAsync(frame => frame.Type == RawH2Connection.GoAway));

        await connection.SendAsync(RawH2Connection.Ping, 0, 0, new byte[8]);
        // Long enough for a reset to come back over loopback; the next write would then fail.
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        await connection.SendAsync(RawH2Connection.Ping, 0, 0, new byte[8]);

        // The server read and dropped both, and then closed by itself, with a FIN.
        while (await connection.NextAsync(frame => frame.Type == RawH2Connection.GoAway) is not null)
        {
        }

        Assert.False(connection.WasReset);
    }

    [Fact]
    public async Task AStreamInFlight_FinishesOnTheOldConnection_AndTheChannelGoesOnOnANewOne()
    {
        await using var server = await ServerFixture.StartAsync(false, null, "--ScoringGrid:MaxConnectionAge", "00:00:01");
        var opened = $"scoringgrid_connections_opened_total{{port=\"{new Uri(server.GrpcAddress).Port}\"}}";
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        using var call = channel.DuplexStreamingCall(ScoringGrid.Client.ScoringMethods.EvaluateStream);
        await call.RequestStream.WriteAsync(Request("before"));
        Assert.True(await call.ResponseStream.MoveNext());

        // Past the connection's age: it has had its GOAWAY, and the stream on it goes on.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        for (var i = 0; i < 5; i++)
        {
            await call.RequestStream.WriteAsync(Request($"after-{i}"));
        }

        await call.RequestStream.CompleteAsync();
        var after = new List<string>();
        while (await call.ResponseStream.MoveNext())
        {
            Assert.Equal("3-star", call.ResponseStream.Current.Result.Level);
            after.Add(call.ResponseStream.Current.ApplicationId);
        }

        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"after-{i}"), after);

        // The same channel's next call takes a new connection.
        Assert.Equal(1, await ScrapedMetrics.ValueAsync(server.HttpAddress, opened));
        using var client = new ScoringGrid.Client.ScoringClient(channel);
        Assert.Equal("3-star", (await client.EvaluateAsync(Examples.Message("js-star-2019"))).Result.Level);
        Assert.Equal(2, await ScrapedMetrics.ValueAsync(server.HttpAddress, opened));
    }

    [Fact]
    public async Task AStreamOutlivingTheGracePeriod_IsCut()
    {
        await using var server = await ServerFixture.StartAsync(false, null,
            "--ScoringGrid:MaxConnectionAge", "00:00:01", "--ScoringGrid:MaxConnectionAgeGrace", "00:00:01");
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        using var call = channel.DuplexStreamingCall(ScoringGrid.Client.ScoringMethods.EvaluateStream);
        var opened = Stopwatch.StartNew();
        await call.RequestStream.WriteAsync(Request("first"));
        Assert.True(await call.ResponseStream.MoveNext());

        // Reading on: the stream stays open until the server aborts the connection under it.
        var failure = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await call.ResponseStream.MoveNext(patience.Token);
        });

        Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        Assert.True(opened.Elapsed >= TimeSpan.FromSeconds(1.7), $"cut after {opened.Elapsed}");
    }

    private static V1.EvaluateRequest Request(string id)
    {
        var application = Examples.Message("js-star-2019");
        application.Id = id;
        return new V1.EvaluateRequest { Application = application };
    }
}
