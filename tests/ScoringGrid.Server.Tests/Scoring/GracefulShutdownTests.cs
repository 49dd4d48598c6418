using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;

namespace ScoringGrid.Server.Tests.Scoring;

/// <summary>Stopping the server lets an in-flight stream finish: nothing accepted is lost.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Stop_WhileAStreamIsInFlight_DrainsIt()
    {
        var server = await ServerFixture.StartAsync();
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        using var call = channel.DuplexStreamingCall(ScoringGrid.Client.ScoringMethods.EvaluateStream);

        await call.RequestStream.WriteAsync(new V1.EvaluateRequest { Application = Examples.Message("js-star-2019") });
        Assert.True(await call.ResponseStream.MoveNext());

        // Shutdown begins with the call open; the call goes on and completes normally.
        var stopping = server.App.StopAsync();
        for (var i = 0; i < 20; i++)
        {
            var app = Examples.Message("js-star-2018");
            app.Id = $"late-{i}";
            await call.RequestStream.WriteAsync(new V1.EvaluateRequest { Application = app });
        }

        await call.RequestStream.CompleteAsync();
        var late = new List<string>();
        while (await call.ResponseStream.MoveNext())
        {
            late.Add(call.ResponseStream.Current.ApplicationId);
            Assert.Equal("4-star", call.ResponseStream.Current.Result.Level);
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"late-{i}"), late);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        await stopping;
        await server.App.DisposeAsync();
    }
}
