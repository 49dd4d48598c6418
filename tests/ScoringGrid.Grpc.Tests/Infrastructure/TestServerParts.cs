using Grpc.Health.V1;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Grpc.Server.Health;
using ScoringGrid.Grpc.Server.Reflection;
using ScoringGrid.Grpc.Tests.Protos;

namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>What every test server serves: TestService, health and reflection, plus the probes tests inspect.</summary>
public sealed class TestServerParts
{
    public TestServerParts()
    {
        Health.SetStatus(TestMethods.ServiceName, HealthCheckResponse.Types.ServingStatus.Serving);
        Reflection = GrpcReflectionService.FromFiles([TestServiceReflection.Descriptor, HealthReflection.Descriptor]);
        Definitions = [new TestServiceImpl(Probe).CreateDefinition(), Health.CreateDefinition(), .. Reflection.CreateDefinitions()];
    }

    public CallProbe Probe { get; } = new();

    public RecordingInterceptor Interceptor { get; } = new();

    public GrpcHealthService Health { get; } = new();

    public GrpcReflectionService Reflection { get; }

    public GrpcServiceDefinition[] Definitions { get; }
}
