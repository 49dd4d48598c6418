using ScoringGrid.Grpc;
using ScoringGrid.V1;

namespace ScoringGrid.Client;

/// <summary>The method descriptors of <c>scoringgrid.v1.Platforms</c>, served by the collector (<c>sg-collector --grpc-urls</c>).</summary>
public static class PlatformMethods
{
    /// <summary>The service name on the wire.</summary>
    public const string ServiceName = "scoringgrid.v1.Platforms";

    /// <summary><c>RegisterPlatform</c>: add or replace a scrape target.</summary>
    public static readonly Method<RegisterPlatformRequest, RegisterPlatformResponse> RegisterPlatform =
        new(MethodType.Unary, ServiceName, "RegisterPlatform", Marshallers.Create(RegisterPlatformRequest.Parser), Marshallers.Create(RegisterPlatformResponse.Parser));

    /// <summary><c>UnregisterPlatform</c>: stop scraping a platform.</summary>
    public static readonly Method<UnregisterPlatformRequest, UnregisterPlatformResponse> UnregisterPlatform =
        new(MethodType.Unary, ServiceName, "UnregisterPlatform", Marshallers.Create(UnregisterPlatformRequest.Parser), Marshallers.Create(UnregisterPlatformResponse.Parser));

    /// <summary><c>ListPlatforms</c>: the scraped platforms with their health.</summary>
    public static readonly Method<ListPlatformsRequest, ListPlatformsResponse> ListPlatforms =
        new(MethodType.Unary, ServiceName, "ListPlatforms", Marshallers.Create(ListPlatformsRequest.Parser), Marshallers.Create(ListPlatformsResponse.Parser));
}
