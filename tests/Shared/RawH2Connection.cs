using System.Buffers.Binary;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace ScoringGrid.Tests.Shared;

/// <summary>One HTTP/2 frame as it came off the wire.</summary>
internal sealed record H2Frame(byte Type, byte Flags, int StreamId, byte[] Payload);

/// <summary>
/// The client end of an HTTP/2 connection (h2c with prior knowledge, or h2 over TLS by ALPN) that sends no
/// requests: it reads frames and answers the server's SETTINGS, for tests of what the server does to a
/// connection (pings, GOAWAY, how it closes).
/// </summary>
internal sealed class RawH2Connection : IDisposable
{
    public const byte Settings = 0x4;
    public const byte Ping = 0x6;
    public const byte GoAway = 0x7;
    public const byte Ack = 0x1;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TcpClient _tcp;
    private readonly Stream _stream;

    private RawH2Connection(TcpClient tcp, Stream stream)
    {
        _tcp = tcp;
        _stream = stream;
    }

    /// <summary>Connects to <paramref name="address"/>: h2c for http://, TLS asking for h2 (any certificate) for https://.</summary>
    public static async Task<RawH2Connection> OpenAsync(string address)
    {
        var uri = new Uri(address);
        var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        Stream stream = tcp.GetStream();
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            stream = await TestCertificates.AuthenticateTrustingAnyAsync(stream, uri.Host, SslApplicationProtocol.Http2);
        }

        var connection = new RawH2Connection(tcp, stream);
        await connection._stream.WriteAsync(Encoding.ASCII.GetBytes("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
        await connection.SendAsync(Settings, 0, 0, []);
        return connection;
    }

    /// <summary>Whether the connection ended in a reset rather than the server's FIN.</summary>
    public bool WasReset { get; private set; }

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

    /// <summary>
    /// The next frame that <paramref name="wanted"/> accepts, answering the server's SETTINGS on the way;
    /// null when the connection ended, by a FIN or a reset (<see cref="WasReset"/>). Throws when nothing
    /// comes within 15 s.
    /// </summary>
    public async Task<H2Frame?> NextAsync(Func<H2Frame, bool> wanted)
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

            var frame = new H2Frame(header[3], header[4], BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(5)) & int.MaxValue, payload);
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

    /// <summary>Closes the client's side of the connection (a FIN), as a client does once it has the server's GOAWAY.</summary>
    public void CloseOwnSide() => _tcp.Client.Shutdown(SocketShutdown.Send);

    /// <summary>Whether the server has closed its side, or reset the connection, without waiting.</summary>
    public bool ServerHasClosed() => _tcp.Client.Poll(0, SelectMode.SelectRead) && _tcp.Client.Available == 0;

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }

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
            WasReset = true;
            return false;
        }
    }
}
