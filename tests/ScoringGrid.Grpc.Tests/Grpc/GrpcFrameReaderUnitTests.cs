using System.Buffers;

namespace ScoringGrid.Grpc.Tests.Grpc;

public class GrpcFrameReaderUnitTests
{
    [Fact]
    public void TryReadFrame_WholeFrame_ReturnsPayloadAndAdvances()
    {
        byte[] bytes = [.. Frame([1, 2, 3]), .. Frame([4])];
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryReadFrame(ref buffer, 100, out GrpcFrame first, out long length));
        Assert.Equal(3, length);
        Assert.Equal([1, 2, 3], first.Payload.ToArray());
        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryReadFrame(ref buffer, 100, out GrpcFrame second, out _));
        Assert.Equal([4], second.Payload.ToArray());
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void TryReadFrame_FrameSplitAcrossSegments_IsReassembled()
    {
        byte[] frame = Frame([10, 20, 30, 40, 50]);
        ReadOnlySequence<byte> buffer = Segments(frame, 2, 4, 7);

        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryReadFrame(ref buffer, 100, out GrpcFrame read, out _));
        Assert.Equal([10, 20, 30, 40, 50], read.Payload.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void TryReadFrame_PartialFrame_IsIncompleteAndConsumesNothing(int available)
    {
        byte[] frame = Frame([1, 2, 3, 4]);
        var buffer = new ReadOnlySequence<byte>(frame, 0, available);

        Assert.Equal(FrameReadResult.Incomplete, GrpcFrameReader.TryReadFrame(ref buffer, 100, out _, out long declared));
        Assert.Equal(available, buffer.Length);
        Assert.Equal(available >= 5 ? 4 : -1, declared);
    }

    [Fact]
    public void TryReadFrame_ZeroLengthMessage_IsComplete()
    {
        var buffer = new ReadOnlySequence<byte>(Frame([]));

        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryReadFrame(ref buffer, 0, out GrpcFrame frame, out _));
        Assert.True(frame.Payload.IsEmpty);
        Assert.False(frame.Compressed);
    }

    [Fact]
    public void TryReadFrame_ExactlyMaxSize_IsAccepted_OneMore_IsTooLarge()
    {
        var exact = new ReadOnlySequence<byte>(Frame(new byte[16]));
        var over = new ReadOnlySequence<byte>(Frame(new byte[17]).AsMemory(0, 5));

        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryReadFrame(ref exact, 16, out _, out _));
        Assert.Equal(FrameReadResult.TooLarge, GrpcFrameReader.TryReadFrame(ref over, 16, out _, out long declared));
        Assert.Equal(17, declared);
    }

    [Fact]
    public void TryReadFrame_HugeDeclaredLength_IsTooLargeBeforeBuffering()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF });

        Assert.Equal(FrameReadResult.TooLarge, GrpcFrameReader.TryReadFrame(ref buffer, int.MaxValue, out _, out long declared));
        Assert.Equal(uint.MaxValue, declared);
    }

    [Fact]
    public void TryReadFrame_InvalidFlag_IsReported()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });

        Assert.Equal(FrameReadResult.InvalidFlag, GrpcFrameReader.TryReadFrame(ref buffer, 100, out _, out _));
    }

    [Fact]
    public void WriteFrame_ThenRead_RoundTrips()
    {
        using var writer = new PooledBufferWriter(1);
        GrpcFrameWriter.WriteFrame(writer, [9, 8, 7], compressed: true);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);

        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryReadFrame(ref buffer, 100, out GrpcFrame frame, out _));
        Assert.True(frame.Compressed);
        Assert.Equal([9, 8, 7], frame.Payload.ToArray());
    }

    [Theory]
    [InlineData(10, 4096)]
    [InlineData(4091, 4096)]
    [InlineData(4092, 4096)]
    [InlineData(5310, 4096)]
    [InlineData(100_000, 4096)]
    [InlineData(5310, 7)]
    public void WriteFrame_LargerThanTheWritersSegments_IsCopiedAcrossThem_WithoutAskingForOneSpanOfItAll(int length, int segment)
    {
        var payload = new byte[length];
        new Random(length).NextBytes(payload);
        var writer = new SegmentedWriter(segment);

        GrpcFrameWriter.WriteFrame(writer, payload, compressed: false);

        Assert.Equal(Frame(payload), writer.Written.ToArray());
        // A pipe asked for more than its pool's block rents an array outside the pool (Kestrel: per response).
        Assert.True(writer.LargestHint <= segment, $"asked for {writer.LargestHint} bytes at once");
    }

    private static byte[] Frame(byte[] payload) => Infrastructure.RawGrpc.Frame(payload);

    // Hands out spans of at most one segment, as a pipe over a block pool does, and records the largest size asked for.
    private sealed class SegmentedWriter(int segment) : IBufferWriter<byte>
    {
        private byte[] _current = new byte[segment];
        private int _used;

        public List<byte> Written { get; } = [];

        public int LargestHint { get; private set; }

        public void Advance(int count)
        {
            Written.AddRange(_current.AsSpan(_used, count).ToArray());
            _used += count;
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            LargestHint = Math.Max(LargestHint, sizeHint);
            if (segment - _used < Math.Max(sizeHint, 1))
            {
                _current = new byte[Math.Max(segment, sizeHint)];
                _used = 0;
            }

            return _current.AsMemory(_used);
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }

    private static ReadOnlySequence<byte> Segments(byte[] data, params int[] cuts)
    {
        var first = new Segment(data.AsMemory(0, cuts[0]), 0);
        Segment last = first;
        int start = cuts[0];
        foreach (int cut in cuts.Skip(1).Append(data.Length))
        {
            last = last.Append(data.AsMemory(start, cut - start));
            start = cut;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
