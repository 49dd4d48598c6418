using System.Buffers;
using Google.Protobuf;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Grpc;

public class GrpcMessageCodecUnitTests
{
    private static readonly Marshaller<EchoRequest> Marshaller = Marshallers.Create(EchoRequest.Parser);

    [Fact]
    public void WriteMessage_Gzip_ThenReadMessage_RoundTrips()
    {
        var message = new EchoRequest { Message = new string('a', 5000) };
        using var output = new PooledBufferWriter();

        GrpcMessageCodec.WriteMessage(output, message, Marshaller, GzipCompressionProvider.Default, maxMessageSize: null);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        Assert.Equal(FrameReadResult.Complete, GrpcFrameReader.TryReadFrame(ref buffer, 1 << 20, out GrpcFrame frame, out long length));

        Assert.True(frame.Compressed);
        Assert.True(length < 1000);
        Assert.Equal(message, GrpcMessageCodec.ReadMessage(frame, Marshaller, GzipCompressionProvider.Default, 1 << 20));
    }

    [Fact]
    public void WriteMessage_EmptyMessage_IsNeverCompressed()
    {
        using var output = new PooledBufferWriter();

        GrpcMessageCodec.WriteMessage(output, new EchoRequest(), Marshaller, GzipCompressionProvider.Default, maxMessageSize: null);

        Assert.Equal([0, 0, 0, 0, 0], output.WrittenSpan.ToArray());
    }

    [Fact]
    public void WriteMessage_OverSendLimit_IsResourceExhausted()
    {
        using var output = new PooledBufferWriter();

        var ex = Assert.Throws<RpcException>(() =>
            GrpcMessageCodec.WriteMessage(output, new EchoRequest { Message = new string('a', 100) }, Marshaller, null, 50));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal(0, output.WrittenCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WriteMessage_OfSerializedBytes_FramesThemAsTheSerializerWould(bool gzip)
    {
        // Bytes that never pass the serializer: a marshaller whose serializer would fail proves it is not called.
        var bytes = new Marshaller<ReadOnlyMemory<byte>>(
            static m => throw new InvalidOperationException("size not needed"),
            static (m, destination) => throw new InvalidOperationException("serializer not needed"),
            static payload => payload.ToArray())
        {
            SerializedBytes = static m => m,
        };
        var message = new EchoRequest { Message = new string('b', 3000), Payload = ByteString.CopyFrom(new byte[6000]) };
        ICompressionProvider? compression = gzip ? GzipCompressionProvider.Default : null;
        using var viaSerializer = new PooledBufferWriter();
        using var viaBytes = new PooledBufferWriter();

        int serializedSize = GrpcMessageCodec.WriteMessage(viaSerializer, message, Marshaller, compression, maxMessageSize: null);
        int bytesSize = GrpcMessageCodec.WriteMessage(viaBytes, new ReadOnlyMemory<byte>(message.ToByteArray()), bytes, compression, maxMessageSize: null);

        Assert.Equal(serializedSize, bytesSize);
        Assert.Equal(viaSerializer.WrittenSpan.ToArray(), viaBytes.WrittenSpan.ToArray());
        var over = Assert.Throws<RpcException>(() =>
            GrpcMessageCodec.WriteMessage(viaBytes, new ReadOnlyMemory<byte>(new byte[51]), bytes, compression, maxMessageSize: 50));
        Assert.Equal(StatusCode.ResourceExhausted, over.StatusCode);
    }

    [Fact]
    public void ReadMessage_CompressedFlagWithoutEncoding_IsInternal()
    {
        var frame = new GrpcFrame(true, new ReadOnlySequence<byte>(new byte[] { 1, 2 }));

        var ex = Assert.Throws<RpcException>(() => GrpcMessageCodec.ReadMessage(frame, Marshaller, null, 100));
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public void ReadMessage_GzipBombOverLimit_IsResourceExhausted()
    {
        using var compressed = new PooledBufferWriter();
        GzipCompressionProvider.Default.Compress(new byte[1 << 20], compressed);
        var frame = new GrpcFrame(true, new ReadOnlySequence<byte>(compressed.WrittenMemory));

        var ex = Assert.Throws<RpcException>(() => GrpcMessageCodec.ReadMessage(frame, Marshaller, GzipCompressionProvider.Default, 64 * 1024));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public void ReadMessage_CorruptGzip_IsInternal()
    {
        var frame = new GrpcFrame(true, new ReadOnlySequence<byte>(new byte[] { 1, 2, 3, 4, 5, 6 }));

        var ex = Assert.Throws<RpcException>(() => GrpcMessageCodec.ReadMessage(frame, Marshaller, GzipCompressionProvider.Default, 100));
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public void ReadMessage_GarbagePayload_IsInternal()
    {
        var frame = new GrpcFrame(false, new ReadOnlySequence<byte>(new byte[] { 0xFF, 0xFF, 0xFF }));

        var ex = Assert.Throws<RpcException>(() => GrpcMessageCodec.ReadMessage(frame, Marshaller, null, 100));
        Assert.Equal(StatusCode.Internal, ex.StatusCode);
    }

    [Fact]
    public void CompressionProviderSet_NegotiatesOnlyWhatThePeerAccepts()
    {
        CompressionProviderSet set = CompressionProviderSet.Default;

        Assert.Equal("identity,gzip", set.AcceptEncoding);
        Assert.NotNull(set.Negotiate("gzip", "identity, deflate, gzip"));
        Assert.Null(set.Negotiate("gzip", "identity,deflate"));
        Assert.True(set.TryGet("identity", out ICompressionProvider? none));
        Assert.Null(none);
        Assert.False(set.TryGet("snappy", out _));
    }
}
