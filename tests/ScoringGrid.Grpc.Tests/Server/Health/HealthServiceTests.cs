using Grpc.Health.V1;
using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Tests.Shared;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ScoringGrid.Grpc.Tests.Server.Health;

public class HealthServiceTests : IAsyncLifetime
{
    private static readonly Marshaller<HealthCheckRequest> RequestMarshaller = Marshallers.Create(HealthCheckRequest.Parser);
    private static readonly Marshaller<HealthCheckResponse> ResponseMarshaller = Marshallers.Create(HealthCheckResponse.Parser);
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Check = new(MethodType.Unary, "grpc.health.v1.Health", "Check", RequestMarshaller, ResponseMarshaller);
    private static readonly Method<HealthCheckRequest, HealthCheckResponse> Watch = new(MethodType.ServerStreaming, "grpc.health.v1.Health", "Watch", RequestMarshaller, ResponseMarshaller);

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

    [Theory]
    [InlineData("")]
    [InlineData(TestMethods.ServiceName)]
    public async Task Check_KnownService_IsServing(string service)
    {
        HealthCheckResponse response = await _channel.UnaryAsync(Check, new HealthCheckRequest { Service = service });

        Assert.Equal(ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Check_UnknownService_IsNotFound()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => _channel.UnaryAsync(Check, new HealthCheckRequest { Service = "nope.Service" }));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
    }

    [Fact]
    public async Task Check_AServiceNameThatIsNotUtf8_IsInvalidArgument_NamingTheField()
    {
        using var http = _server.CreateHttpClient();
        byte[] request = [0x0A, 4, .. NotUtf8.Gbk]; // service
        RawResponse response = await RawGrpc.SendAsync(http, "/grpc.health.v1.Health/Check", RawGrpc.Frame(request));

        Assert.Equal("3", response.GrpcStatus);
        Assert.Equal("service is not valid UTF-8: protobuf strings must be UTF-8 (convert text in GBK or another encoding before sending)", response.GrpcMessage);
    }

    [Fact]
    public async Task Check_ReflectsSetStatus()
    {
        _server.Parts.Health.SetStatus("scoring", ServingStatus.NotServing);

        HealthCheckResponse response = await _channel.UnaryAsync(Check, new HealthCheckRequest { Service = "scoring" });
        Assert.Equal(ServingStatus.NotServing, response.Status);
    }

    [Fact]
    public async Task Watch_StreamsTheCurrentStatus_ThenEveryChange()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using AsyncServerStreamingCall<HealthCheckResponse> call = _channel.ServerStreamingCall(Watch, new HealthCheckRequest { Service = "later" },
            new CallOptions { CancellationToken = cts.Token });

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.ServiceUnknown, call.ResponseStream.Current.Status);

        _server.Parts.Health.SetStatus("later", ServingStatus.Serving);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.Serving, call.ResponseStream.Current.Status);

        _server.Parts.Health.SetStatus("later", ServingStatus.NotServing);
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
    }

    [Fact]
    public async Task EnterShutdown_MakesEveryServiceNotServing_ForGood()
    {
        _server.Parts.Health.EnterShutdown();
        _server.Parts.Health.SetStatus(TestMethods.ServiceName, ServingStatus.Serving);

        foreach (string service in new[] { "", TestMethods.ServiceName })
        {
            HealthCheckResponse response = await _channel.UnaryAsync(Check, new HealthCheckRequest { Service = service });
            Assert.Equal(ServingStatus.NotServing, response.Status);
        }
    }

    [Theory]
    [InlineData("", ServingStatus.Serving)]
    [InlineData("later", ServingStatus.ServiceUnknown)]
    public async Task EnterShutdown_TellsEachWatchNotServing_ThenEndsItUnavailable(string service, ServingStatus before)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using AsyncServerStreamingCall<HealthCheckResponse> call = _channel.ServerStreamingCall(Watch, new HealthCheckRequest { Service = service },
            new CallOptions { CancellationToken = cts.Token });
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(before, call.ResponseStream.Current.Status);

        _server.Parts.Health.EnterShutdown();

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
        var ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
        Assert.Equal("The server is shutting down.", ended.Status.Detail);
    }

    [Fact]
    public async Task AWatchStartedDuringShutdown_GetsTheStatus_ThenEnds()
    {
        _server.Parts.Health.EnterShutdown();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using AsyncServerStreamingCall<HealthCheckResponse> call = _channel.ServerStreamingCall(Watch, new HealthCheckRequest { Service = "" },
            new CallOptions { CancellationToken = cts.Token });

        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(ServingStatus.NotServing, call.ResponseStream.Current.Status);
        var ended = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unavailable, ended.StatusCode);
        Assert.Equal("The server is shutting down.", ended.Status.Detail);
    }
}
