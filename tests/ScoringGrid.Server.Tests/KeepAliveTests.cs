using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ScoringGrid.Server.Tests;

/// <summary>
/// gRPC keepalive from the server: after ScoringGrid:KeepAlivePing without a frame, the server sends an
/// HTTP/2 PING; a client that answers keeps its connection, one that does not loses it after
/// ScoringGrid:KeepAliveTimeout. Seen on a raw h2c connection, frame by frame.
/// </summary>
public sealed class KeepAliveTests
{
    private const byte Settings = 0x4;
    private const byte Ping = 0x6;
    private const byte GoAway = 0x7;
    private const byte Ack = 0x1;

    [Fact]
    public async Task AnUnansweredPing_ClosesTheConnection_AfterTheTimeout()
    {
        await using var server = await ServerFixture.StartAsync(false, null,
            "--ScoringGrid:KeepAlivePing", "00:00:01", "--ScoringGrid:KeepAliveTimeout", "00:00:01");
        using var connection = await H2Connection.OpenAsync(server.GrpcAddress);

        var ping = await connection.NextAsync(frame => frame.Type == Ping);
        Assert.NotNull(ping);
        Assert.Equal(0, ping.Flags & Ack);
        Assert.Equal(8, ping.Payload.Length);
        Assert.Equal(0, ping.StreamId);

        // Not answered: the server gives up on the connection; a GOAWAY may come first, then the end.
        var next = await connection.NextAsync(frame => frame.Type is GoAway or Ping);
        while (next is { Type: Ping })
        {
            next = await connection.NextAsync(frame => frame.Type is GoAway or Ping);
        }

        if (next is not null)
        {
            Assert.Equal(GoAway, next.Type);
            Assert.Null(await connection.NextAsync(_ => true));
        }
    }

    [Fact]
    public async Task AnsweredPings_KeepAnIdleConnection()
    {
        await using var server = await ServerFixture.StartAsync(false, null,
            "--ScoringGrid:KeepAlivePing", "00:00:01", "--ScoringGrid:KeepAliveTimeout", "00:00:01");
        using var connection = await H2Connection.OpenAsync(server.GrpcAddress);

        // Four pings answered: the idle connection outlives the timeout several times over.
        for (var i = 0; i < 4; i++)
        {
            var ping = await connection.NextAsync(frame => frame.Type is Ping or GoAway);
            Assert.NotNull(ping);
            Assert.Equal(Ping, ping.Type);
            await connection.SendAsync(Ping, Ack, 0, ping.Payload);
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

    private sealed record Frame(byte Type, byte Flags, int StreamId, byte[] Payload);

    /// <summary>A client end of HTTP/2 with prior knowledge that only reads frames and answers SETTINGS.</summary>
    private sealed class H2Connection : IDisposable
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
        private readonly TcpClient _tcp;
        private readonly NetworkStream _stream;

        private H2Connection(TcpClient tcp)
        {
            _tcp = tcp;
            _stream = tcp.GetStream();
        }

        public static async Task<H2Connection> OpenAsync(string address)
        {
            var uri = new Uri(address);
            var tcp = new TcpClient();
            await tcp.ConnectAsync(uri.Host, uri.Port);
            var connection = new H2Connection(tcp);
            await connection._stream.WriteAsync(Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
            await connection.SendAsync(Settings, 0, 0, []);
            return connection;
        }

        public async Task SendAsync(byte type, byte flags, int streamId, byte[] payload)
        {
            var frame = new byte[9 + payload.Length];
            frame[0] = (byte)(payload.Length >> 16);
            frame[1] = (byte)(payload.Length >> 8);
            frame[2] = (byte)payload.Length;
            frame[3] = type;
            frame[4] = flags;
            BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(5), streamId);
            payload.CopyTo(frame, 9);
            await _stream.WriteAsync(frame);
        }

        /// <summary>The next frame that <paramref name="wanted"/> accepts, answering the server's SETTINGS on the way; null when the connection ended.</summary>
        public async Task<Frame?> NextAsync(Func<Frame, bool> wanted)
        {
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                var header = new byte[9];
                if (!await ReadExactlyAsync(header, timeout.Token))
                {
                    return null;
                }

                var payload = new byte[(header[0] << 16) | (header[1] << 8) | header[2]];
                if (!await ReadExactlyAsync(payload, timeout.Token))
                {
                    return null;
                }

                var frame = new Frame(header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue, payload);
                if (frame.Type == Settings && (frame.Flags & Ack) == 0)
                {
                    await SendAsync(Settings, Ack, 0, []);
                }

                if (wanted(frame))
                {
                    return frame;
                }
            }
        }

        public void Dispose() => _tcp.Dispose();

        private async Task<bool> ReadExactlyAsync(byte[] buffer, CancellationToken cancellationToken)
        {
            try
            {
                await _stream.ReadExactlyAsync(buffer, cancellationToken);
                return true;
            }
            catch (EndOfStreamException)
            {
                return false;
            }
            catch (IOException)
            {
                // A reset after the server's GOAWAY ends the connection as surely as a FIN.
                return false;
            }
        }
    }
}
