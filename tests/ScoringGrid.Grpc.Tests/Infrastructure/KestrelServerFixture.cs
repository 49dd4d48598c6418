namespace ScoringGrid.Grpc.Tests.Infrastructure;

/// <summary>One Kestrel server shared by the tests of the "Kestrel" collection.</summary>
public sealed class KestrelServerFixture : IAsyncLifetime
{
    private KestrelServer? _server;

    public KestrelServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _server = await KestrelServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class KestrelCollection : ICollectionFixture<KestrelServerFixture>
{
    public const string Name = "Kestrel";
}
