using ScoringGrid.Grpc.Client;
using ScoringGrid.Grpc.Tests.Infrastructure;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Client;

public class InProcessCallTests : CallShapeTestsBase, IAsyncLifetime
{
    private InProcessServer _server = null!;
    private GrpcChannel _channel = null!;

    protected override GrpcChannel Channel => _channel;

    protected override TestServerParts Parts => _server.Parts;

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

    protected override GrpcChannel CreateChannel(GrpcChannelOptions options) => _server.CreateChannel(options);

    [Fact]
    public async Task DetailedErrors_ExposeTheExceptionMessage()
    {
        await using InProcessServer server = await InProcessServer.StartAsync(o => o.EnableDetailedErrors = true);
        using GrpcChannel channel = server.CreateChannel();

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(TestMethods.Echo, new EchoRequest { ThrowException = true }));
        Assert.Equal(StatusCode.Unknown, ex.StatusCode);
        Assert.Contains("secret handler detail", ex.Status.Detail);
    }
}
