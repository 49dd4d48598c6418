using System.Buffers;
using System.Runtime.ExceptionServices;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Server.Scoring;

namespace ScoringGrid.Server.Grpc;

/// <summary>
/// EvaluateStream's engine. The requests that have already arrived form a batch; the batch is
/// parsed, scored and serialized in parallel on every core, then answered in request order and
/// flushed once. A single stream thereby uses the whole machine while its read loop only frames
/// and copies bytes. A batch never waits for more requests than have arrived, so a client that
/// sends one request and waits for its answer gets it at once.
/// </summary>
internal sealed class EvaluateStreamBatch(EvaluateStreamBatch.Scorer score, EvaluateStreamBatch.AsyncScorer scoreAsync) : IDisposable
{
    /// <summary>Most requests in a batch: bounds the answers held in memory and how long the first one waits.</summary>
    public const int Capacity = 256;

    // Below this many requests per core a hand-off to another thread costs more than it saves.
    private const int MinPerWorker = 8;

    // A reply buffer that grew past this (a very large answer) is not kept for the next batch.
    private const int KeptReplyCapacity = 64 * 1024;

    private readonly Slot?[] _slots = new Slot?[Capacity];
    private Action<int>? _scorePart;
    private int _count;
    private int _parts;

    /// <summary>Reads and scores one request from its bytes into <paramref name="reply"/>, or says why it could not.</summary>
    public delegate WireEvaluation Scorer(ReadOnlySpan<byte> request, IBufferWriter<byte> reply);

    /// <summary>Scores a request that needs I/O (verified figures), in order, while the batch is answered.</summary>
    public delegate Task AsyncScorer(V1.EvaluateRequest request, IBufferWriter<byte> reply);

    public int Count => _count;

    public void Add(SerializedMessage request)
    {
        if (_count == Capacity)
        {
            throw new InvalidOperationException("The batch is full.");
        }

        Slot slot = _slots[_count] ??= new Slot();
        slot.Request = request;
        _count++;
    }

    /// <summary>Parses and scores every request of the batch, spread over the cores when there are enough.</summary>
    public void Score()
    {
        int parts = Math.Min(Environment.ProcessorCount, _count / MinPerWorker);
        if (parts <= 1)
        {
            ScoreRange(0, _count);
            return;
        }

        // The calling thread takes a part itself, so a busy pool only costs parallelism, never progress.
        _parts = parts;
        Parallel.For(0, parts, _scorePart ??= ScorePart);
    }

    /// <summary>
    /// Writes the answers in request order with one flush after the last, then empties the batch. A
    /// request that could not be parsed ends the call, after the answers before it, as the transport
    /// would have ended it.
    /// </summary>
    public async Task WriteAsync(IServerStreamWriter<ReadOnlyMemory<byte>> responses, CancellationToken cancellationToken)
    {
        try
        {
            for (int i = 0; i < _count; i++)
            {
                Slot slot = _slots[i]!;
                if (slot.Fault is { } fault)
                {
                    ExceptionDispatchInfo.Throw(fault);
                }

                if (slot.Deferred is { } request)
                {
                    await scoreAsync(request, slot.Reply).ConfigureAwait(false);
                }

                responses.WriteOptions = i < _count - 1 ? WriteOptions.Buffered : null;
                await responses.WriteAsync(slot.Reply.WrittenMemory, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Clear();
        }
    }

    public void Dispose()
    {
        Clear();
        foreach (Slot? slot in _slots)
        {
            slot?.Reply.Dispose();
        }
    }

    private void ScorePart(int part) => ScoreRange(part * _count / _parts, (part + 1) * _count / _parts);

    private void ScoreRange(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            _slots[i]!.Score(score);
        }
    }

    private void Clear()
    {
        for (int i = 0; i < _count; i++)
        {
            Slot slot = _slots[i]!;
            slot.Clear();
            if (slot.Reply.Capacity > KeptReplyCapacity)
            {
                slot.Reply.Dispose();
                _slots[i] = null;
            }
        }

        _count = 0;
    }

    private sealed class Slot
    {
        public SerializedMessage? Request { get; set; }

        public PooledBufferWriter Reply { get; } = new(1024);

        public V1.EvaluateRequest? Deferred { get; private set; }

        public Exception? Fault { get; private set; }

        public void Score(Scorer score)
        {
            SerializedMessage request = Request!;
            Request = null;
            try
            {
                switch (score(request.Span, Reply))
                {
                    case WireEvaluation.Unparsable:
                        // What the transport answers for an unparsable message: INTERNAL.
                        Fault = new RpcException(GrpcErrors.UnparsableMessage());
                        break;
                    case WireEvaluation.NeedsVerification:
                        // The reader accepted these bytes, so the parser does too.
                        Reply.Reset();
                        Deferred = V1.EvaluateRequest.Parser.ParseFrom(request.Span);
                        break;
                }
            }
            catch (Exception ex)
            {
                // Rethrown in order by WriteAsync, so the call fails exactly as a sequential handler would.
                Fault = ex;
            }
            finally
            {
                request.Release();
            }
        }

        public void Clear()
        {
            Request?.Release();
            Request = null;
            Deferred = null;
            Fault = null;
            Reply.Reset();
        }
    }
}
