using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ScoringGrid.Collector.Tests.Support;

/// <summary>
/// A TCP relay between the collector and a real Redis that can lose the reply to a script call:
/// once armed, it forwards the next <c>EVALSHA</c> to Redis, swallows what Redis answers, runs an
/// action (e.g. killing Redis) and cuts the client's connection. Redis has applied the write; the
/// collector only sees a broken connection and cannot tell whether it was applied.
/// </summary>
public sealed class ReplyDroppingProxy : IDisposable
{
    private static readonly byte[] ScriptCall = Encoding.ASCII.GetBytes("EVALSHA");
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _redisPort;
    private readonly CancellationTokenSource _stop = new();
    private Action? _afterDrop;
    private int _armed;

    public ReplyDroppingProxy(int redisPort)
    {
        _redisPort = redisPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Endpoint => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Completes when a reply was swallowed and the action ran.</summary>
    public TaskCompletionSource Dropped { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Loses the reply to the next script call, then runs <paramref name="afterDrop"/> and cuts the connection.</summary>
    public void DropNextScriptReply(Action? afterDrop = null)
    {
        _afterDrop = afterDrop;
        Dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _armed, 1);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var redis = new TcpClient();
        using (client)
        {
            try
            {
                await redis.ConnectAsync(IPAddress.Loopback, _redisPort, _stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                return; // Redis is down: the client sees its connection closed, as it would without us
            }

            var dropping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var up = PumpAsync(client.GetStream(), redis.GetStream(), inspect: true, dropping);
            var down = PumpAsync(redis.GetStream(), client.GetStream(), inspect: false, dropping);
            await Task.WhenAny(up, down);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool inspect, TaskCompletionSource dropping)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                if (inspect && buffer.AsSpan(0, read).IndexOf(ScriptCall) >= 0 && Interlocked.Exchange(ref _armed, 0) == 1)
                {
                    dropping.TrySetResult(); // set before Redis can answer: its reply is the one lost
                }

                if (!inspect && dropping.Task.IsCompleted)
                {
                    // Redis answered the script call, so it has applied it. Give it a moment for the
                    // AOF fsync of appendfsync always, then act and cut the client off.
                    await Task.Delay(100);
                    _afterDrop?.Invoke();
                    Dropped.TrySetResult();
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
