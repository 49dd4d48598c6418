using Google.Protobuf;
using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Client;

namespace ScoringGrid.Server.Tests.Scoring;

/// <summary>Stopping the server lets an in-flight stream finish: nothing accepted is lost.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task ResponseCompression_Gzip_CompressesResultsForClientsThatAcceptIt()
    {
        await using var server = await ServerFixture.StartAsync(extraArgs: ["--ScoringGrid:ResponseCompression", "gzip"]);
        var message = new V1.EvaluateRequest { Application = Examples.Message("js-star-2018") }.ToByteArray();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = RawGrpcRequest.Create(server.GrpcAddress, "Evaluate", RawGrpcRequest.Frames(message));
        request.Headers.TryAddWithoutValidation("grpc-accept-encoding", "gzip");

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("gzip", response.Headers.GetValues("grpc-encoding").Single());
        Assert.Equal(1, body[0]);
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(body, 5, body.Length - 5), System.IO.Compression.CompressionMode.Decompress);
        var decoded = V1.EvaluateResponse.Parser.ParseFrom(gzip);
        Assert.Equal("4-star", decoded.Result.Level);
        Assert.True(body.Length - 5 < decoded.CalculateSize() / 2, "the result compresses to well under half its size");
    }

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

    [Fact]
    public async Task Stop_WithAHealthWatchAndAReflectionStreamOpen_EndsThem_AndDoesNotWaitForTheDrainTimeout()
    {
        // A drain timeout far longer than the wait below: a stream left open would hold the stop for all of it.
        var server = await ServerFixture.StartAsync(extraArgs: ["--ScoringGrid:DrainTimeout", "00:02:00"]);
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        var watch = new Method<global::Grpc.Health.V1.HealthCheckRequest, global::Grpc.Health.V1.HealthCheckResponse>(
            MethodType.ServerStreaming, "grpc.health.v1.Health", "Watch",
            Marshallers.Create(global::Grpc.Health.V1.HealthCheckRequest.Parser), Marshallers.Create(global::Grpc.Health.V1.HealthCheckResponse.Parser));
        var reflect = new Method<global::Grpc.Reflection.V1.ServerReflectionRequest, global::Grpc.Reflection.V1.ServerReflectionResponse>(
            MethodType.DuplexStreaming, "grpc.reflection.v1.ServerReflection", "ServerReflectionInfo",
            Marshallers.Create(global::Grpc.Reflection.V1.ServerReflectionRequest.Parser), Marshallers.Create(global::Grpc.Reflection.V1.ServerReflectionResponse.Parser));
        using var health = channel.ServerStreamingCall(watch, new global::Grpc.Health.V1.HealthCheckRequest { Service = "scoringgrid.v1.Scoring" });
        using var reflection = channel.DuplexStreamingCall(reflect);
        Assert.True(await health.ResponseStream.MoveNext());
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.ResponseStream.Current.Status);
        await reflection.RequestStream.WriteAsync(new global::Grpc.Reflection.V1.ServerReflectionRequest { ListServices = "*" });
        Assert.True(await reflection.ResponseStream.MoveNext());

        var stopping = server.App.StopAsync();

        Assert.True(await health.ResponseStream.MoveNext());
        Assert.Equal(global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing, health.ResponseStream.Current.Status);
        Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => health.ResponseStream.MoveNext())).StatusCode);
        Assert.Equal(StatusCode.Unavailable, (await Assert.ThrowsAsync<RpcException>(() => reflection.ResponseStream.MoveNext())).StatusCode);
        await stopping.WaitAsync(TimeSpan.FromSeconds(60));
        await server.App.DisposeAsync();
    }
}
