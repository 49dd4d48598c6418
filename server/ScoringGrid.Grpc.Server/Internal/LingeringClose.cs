using System.IO.Pipelines;
using System.Net.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace ScoringGrid.Grpc.Server.Internal;

/// <summary>
/// Closes HTTP/2 connections the way RFC 9113 §6.8 expects: the server's GOAWAY tells the client which
/// streams were never seen, and the client retries them on a new connection. Kestrel closes its socket as
/// soon as it has written that GOAWAY, so bytes the client sent meanwhile (a call that crossed the GOAWAY,
/// a PING or SETTINGS acknowledgement) arrive at a closed socket, which the kernel answers with a reset.
/// The client's next write then fails (grpcio: UNAVAILABLE "Broken pipe") instead of its call being
/// retried. Here the socket stays open after Kestrel is done with it: what arrives is read and dropped
/// until the client closes its side, as gRPC clients do on a GOAWAY, or <see cref="Linger"/> passes.
/// A connection Kestrel aborted, or that ended in an error, closes at once.
/// </summary>
internal sealed class LingeringClose
{
    /// <summary>How long a closed connection waits for its client's FIN by default.</summary>
    public static readonly TimeSpan DefaultLinger = TimeSpan.FromSeconds(2);

    public LingeringClose(TimeSpan linger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(linger, TimeSpan.Zero);
        Linger = linger;
    }

    /// <summary>How long a connection waits, after Kestrel has closed it, for its client to close too.</summary>
    public TimeSpan Linger { get; }

    /// <summary>
    /// Adds the lingering close to <paramref name="listen"/>'s connections. It must come before any other
    /// connection middleware, TLS in particular, so that it holds the socket's own pipes; on a TLS listener,
    /// <see cref="FollowTls"/> must come right after TLS.
    /// </summary>
    public void ApplyTo(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => connection => RunAsync(next, connection));
    }

    /// <summary>
    /// Tells the lingering close of a TLS listener which protocol ALPN chose: only HTTP/2 lingers. (Once
    /// the connection is over, the TLS session that knew is gone.)
    /// </summary>
    public static void FollowTls(ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(static next => connection =>
        {
            if (connection.Features.Get<HeldTransport>() is { } held && connection.Features.Get<ITlsApplicationProtocolFeature>() is { } alpn)
            {
                held.SpeaksHttp2 = alpn.ApplicationProtocol.Span.SequenceEqual(SslApplicationProtocol.Http2.Protocol.Span);
            }

            return next(connection);
        });
    }

    private async Task RunAsync(ConnectionDelegate next, ConnectionContext connection)
    {
        IDuplexPipe socket = connection.Transport;
        var held = new HeldTransport(socket);
        connection.Transport = held;
        connection.Features.Set(held);
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            connection.Transport = socket;
        }

        // Only HTTP/2 says goodbye before it closes; an HTTP/1.1 client learns of the close from the FIN
        // alone, so waiting for it to close first would only hold the connection up.
        if (held.EndedCleanly && held.SpeaksHttp2 && !connection.ConnectionClosed.IsCancellationRequested)
        {
            await DrainAsync(socket, connection.ConnectionClosed).ConfigureAwait(false);
        }

        await socket.Input.CompleteAsync().ConfigureAwait(false);
        await socket.Output.CompleteAsync(held.OutputError).ConfigureAwait(false);
    }

    private async Task DrainAsync(IDuplexPipe socket, CancellationToken aborted)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        patience.CancelAfter(Linger);
        try
        {
            // Whatever Kestrel wrote last (its GOAWAY) goes out before anything else.
            await socket.Output.FlushAsync(patience.Token).ConfigureAwait(false);
            while (true)
            {
                ReadResult read = await socket.Input.ReadAsync(patience.Token).ConfigureAwait(false);
                socket.Input.AdvanceTo(read.Buffer.End);
                // A cancelled read is Kestrel's own, left over from stopping its reads: read on.
                if (read.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Linger passed, or the connection was aborted (ConnectionAbortedException is one too): close now.
        }
        catch (IOException)
        {
            // The client reset the connection itself: there is nothing left to close gracefully.
        }
    }

    // The socket's pipes as Kestrel sees them: every call passes straight through, except that completing
    // them only notes the error, if any, so the socket outlives Kestrel's use of it. Also the connection's
    // feature that FollowTls sets the protocol on.
    private sealed class HeldTransport(IDuplexPipe socket) : IDuplexPipe
    {
        private readonly HeldInput _input = new(socket.Input);
        private readonly HeldOutput _output = new(socket.Output);

        public PipeReader Input => _input;

        public PipeWriter Output => _output;

        /// <summary>Whether Kestrel completed neither pipe with an error. (It completes its input, and leaves the output to the transport.)</summary>
        public bool EndedCleanly => _input.Error is null && _output.Error is null;

        public Exception? OutputError => _output.Error;

        /// <summary>Whether the connection speaks HTTP/2: always on a cleartext gRPC listener, by ALPN over TLS.</summary>
        public bool SpeaksHttp2 { get; set; } = true;
    }

    private sealed class HeldInput(PipeReader inner) : PipeReader
    {
        public Exception? Error { get; private set; }

        public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default) => inner.ReadAsync(cancellationToken);

        protected override ValueTask<ReadResult> ReadAtLeastAsyncCore(int minimumSize, CancellationToken cancellationToken) =>
            inner.ReadAtLeastAsync(minimumSize, cancellationToken);

        public override bool TryRead(out ReadResult result) => inner.TryRead(out result);

        public override void Complete(Exception? exception = null)
        {
            Error ??= exception;
        }
    }

    private sealed class HeldOutput(PipeWriter inner) : PipeWriter
    {
        public Exception? Error { get; private set; }

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes) => inner.Advance(bytes);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) => inner.WriteAsync(source, cancellationToken);

        public override void Complete(Exception? exception = null)
        {
            Error ??= exception;
        }
    }
}
