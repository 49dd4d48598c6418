using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace ScoringGrid.Server.Tests;

/// <summary>One HTTP/2 frame as it came off the wire.</summary>
internal sealed record H2Frame(byte Type, byte Flags, int StreamId, byte[] Payload);

/// <summary>
/// The client end of an HTTP/2 connection with prior knowledge that sends no requests: it reads frames
/// and answers the server's SETTINGS, for tests of what the server does to a connection (pings, GOAWAY).
/// </summary>
internal sealed class RawH2Connection : IDisposable
{
    public const byte Settings = 0x4;
    public const byte Ping = 0x6;
    public const byte GoAway = 0x7;
    public const byte Ack = 0x1;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawH2Connection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawH2Connection> OpenAsync(string address)
    {
        var uri = new Uri(address);
        var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var connection = new RawH2Connection(tcp);
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

    /// <summary>
    /// The next frame that <paramref name="wanted"/> accepts, answering the server's SETTINGS on the way;
    /// null when the connection ended. Throws when nothing comes within 15 s.
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
