using ScoringGrid.Grpc;
using ScoringGrid.Grpc.Server;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Service.Grpc;

// scoringgrid.v1.Platforms on our gRPC transport: PlatformAdmin's register / unregister / list.
internal sealed class PlatformsGrpcService(PlatformAdmin admin)
{
    public const string ServiceName = "scoringgrid.v1.Platforms";

    public GrpcServiceDefinition CreateDefinition() =>
        GrpcServiceDefinition.CreateBuilder(ServiceName)
            .AddUnary<V1.RegisterPlatformRequest, V1.RegisterPlatformResponse>("RegisterPlatform", RegisterAsync)
            .AddUnary<V1.UnregisterPlatformRequest, V1.UnregisterPlatformResponse>("UnregisterPlatform", UnregisterAsync)
            .AddUnary<V1.ListPlatformsRequest, V1.ListPlatformsResponse>("ListPlatforms", ListAsync)
            .Build();

    private async ValueTask<V1.RegisterPlatformResponse> RegisterAsync(V1.RegisterPlatformRequest request, ServerCallContext context)
    {
        var target = PlatformMapping.ToTarget(request.Target);
        try
        {
            await admin.RegisterPlatformAsync(target).ConfigureAwait(false);
        }
        catch (TargetConfigException ex)
        {
            throw PlatformMapping.Invalid($"target.{ex.Field}", ex.Message);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw Unavailable(ex);
        }

        return new V1.RegisterPlatformResponse { Target = PlatformMapping.ToMessage(target) };
    }

    private async ValueTask<V1.UnregisterPlatformResponse> UnregisterAsync(V1.UnregisterPlatformRequest request, ServerCallContext context)
    {
        if (request.PlatformId.Length == 0)
        {
            throw PlatformMapping.Invalid("platform_id", "platform_id is required");
        }

        try
        {
            return new V1.UnregisterPlatformResponse { Existed = await admin.UnregisterPlatformAsync(request.PlatformId).ConfigureAwait(false) };
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            throw Unavailable(ex);
        }
    }

    private async ValueTask<V1.ListPlatformsResponse> ListAsync(V1.ListPlatformsRequest request, ServerCallContext context)
    {
        var response = new V1.ListPlatformsResponse();
        foreach (var platform in await admin.ListPlatformsAsync().ConfigureAwait(false))
        {
            response.Platforms.Add(PlatformMapping.ToMessage(platform));
        }

        return response;
    }

    private static RpcException Unavailable(Exception ex) =>
        new(new Status(StatusCode.Unavailable, $"Redis is unavailable, nothing changed: {ex.Message}"));
}
