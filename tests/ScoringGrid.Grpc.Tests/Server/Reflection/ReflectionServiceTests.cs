using Google.Protobuf.Reflection;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ReflV1 = Grpc.Reflection.V1;
using ReflAlpha = Grpc.Reflection.V1Alpha;

namespace ScoringGrid.Grpc.Tests.Server.Reflection;

public class ReflectionServiceTests : IAsyncLifetime
{
    private static readonly Method<ReflAlpha.ServerReflectionRequest, ReflAlpha.ServerReflectionResponse> AlphaInfo = new(
        MethodType.DuplexStreaming, "grpc.reflection.v1alpha.ServerReflection", "ServerReflectionInfo",
        Marshallers.Create(ReflAlpha.ServerReflectionRequest.Parser), Marshallers.Create(ReflAlpha.ServerReflectionResponse.Parser));

    private static readonly Method<ReflV1.ServerReflectionRequest, ReflV1.ServerReflectionResponse> V1Info = new(
        MethodType.DuplexStreaming, "grpc.reflection.v1.ServerReflection", "ServerReflectionInfo",
        Marshallers.Create(ReflV1.ServerReflectionRequest.Parser), Marshallers.Create(ReflV1.ServerReflectionResponse.Parser));

    private InProcessServer _server = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _server = await InProcessServer.StartAsync();
        _channel = _server.CreateChannel();
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task V1Alpha_ListServices_NamesEveryService()
    {
        ReflAlpha.ServerReflectionResponse response = await AskAlpha(new ReflAlpha.ServerReflectionRequest { ListServices = "*" });

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", TestMethods.ServiceName],
            response.ListServicesResponse.Service.Select(s => s.Name));
    }

    [Theory]
    [InlineData("scoringgrid.test.v1.TestService", "test_service.proto")]
    [InlineData("scoringgrid.test.v1.TestService.Echo", "test_service.proto")]
    [InlineData("scoringgrid.test.v1.EchoRequest", "test_service.proto")]
    [InlineData("grpc.health.v1.HealthCheckResponse.ServingStatus", "grpc/health/v1/health.proto")]
    [InlineData(".grpc.health.v1.HealthCheckRequest", "grpc/health/v1/health.proto")]
    public async Task V1Alpha_FileContainingSymbol_ReturnsTheFile(string symbol, string file)
    {
        ReflAlpha.ServerReflectionResponse response = await AskAlpha(new ReflAlpha.ServerReflectionRequest { FileContainingSymbol = symbol });

        FileDescriptorProto proto = FileDescriptorProto.Parser.ParseFrom(response.FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal(file, proto.Name);
        Assert.Equal(symbol, response.OriginalRequest.FileContainingSymbol);
    }

    [Fact]
    public async Task EnterShutdown_EndsAStreamWaitingForItsNextQuestion_Unavailable()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using AsyncDuplexStreamingCall<ReflV1.ServerReflectionRequest, ReflV1.ServerReflectionResponse> call =
            _channel.DuplexStreamingCall(V1Info, new CallOptions { CancellationToken = cts.Token });
        await call.RequestStream.WriteAsync(new ReflV1.ServerReflectionRequest { ListServices = "*" });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.NotEmpty(call.ResponseStream.Current.ListServicesResponse.Service);

        _server.Parts.Reflection.EnterShutdown();

        var ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
        Assert.Equal("The server is shutting down.", ended.Status.Detail);
    }

    [Fact]
    public async Task V1_ListServices_And_FileContainingSymbol_Work()
    {
        using AsyncDuplexStreamingCall<ReflV1.ServerReflectionRequest, ReflV1.ServerReflectionResponse> call = _channel.DuplexStreamingCall(V1Info);
        await call.RequestStream.WriteAsync(new ReflV1.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.WriteAsync(new ReflV1.ServerReflectionRequest { FileContainingSymbol = "scoringgrid.test.v1.TestService" });
        await call.RequestStream.WriteAsync(new ReflV1.ServerReflectionRequest { FileByFilename = "grpc/health/v1/health.proto" });
        await call.RequestStream.CompleteAsync();

        var responses = new List<ReflV1.ServerReflectionResponse>();
        await foreach (ReflV1.ServerReflectionResponse response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        Assert.Equal(3, responses.Count);
        Assert.Contains(responses[0].ListServicesResponse.Service, s => s.Name == TestMethods.ServiceName);
        FileDescriptorProto service = FileDescriptorProto.Parser.ParseFrom(responses[1].FileDescriptorResponse.FileDescriptorProto[0]);
        Assert.Equal("TestService", service.Service.Single().Name);
        Assert.Equal("grpc/health/v1/health.proto", FileDescriptorProto.Parser.ParseFrom(responses[2].FileDescriptorResponse.FileDescriptorProto[0]).Name);
    }

    [Fact]
    public async Task UnknownSymbol_And_Extension_AreNotFoundResponses()
    {
        ReflAlpha.ServerReflectionResponse symbol = await AskAlpha(new ReflAlpha.ServerReflectionRequest { FileContainingSymbol = "no.Such" });
        ReflAlpha.ServerReflectionResponse extension = await AskAlpha(new ReflAlpha.ServerReflectionRequest
        {
            FileContainingExtension = new ReflAlpha.ExtensionRequest { ContainingType = "scoringgrid.test.v1.EchoRequest", ExtensionNumber = 100 },
        });

        Assert.Equal((int)StatusCode.NotFound, symbol.ErrorResponse.ErrorCode);
        Assert.Equal((int)StatusCode.NotFound, extension.ErrorResponse.ErrorCode);
    }

    private async Task<ReflAlpha.ServerReflectionResponse> AskAlpha(ReflAlpha.ServerReflectionRequest request)
    {
        using AsyncDuplexStreamingCall<ReflAlpha.ServerReflectionRequest, ReflAlpha.ServerReflectionResponse> call = _channel.DuplexStreamingCall(AlphaInfo);
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());
        ReflAlpha.ServerReflectionResponse response = call.ResponseStream.Current;
        Assert.False(await call.ResponseStream.MoveNext());
        return response;
    }
}
