using ScoringGrid.Server;

// dotnet run --project server/ScoringGrid.Server -- --urls http://127.0.0.1:50051
// A setting the server cannot start with, or an address it cannot bind, ends it with one line and exit code 2.
Microsoft.AspNetCore.Builder.WebApplication app;
try
{
    app = ScoringServer.Build(args);
    await app.StartAsync();
}
catch (Exception e) when (e is ServerConfigurationException or IOException)
{
    await Console.Error.WriteLineAsync($"ScoringGrid.Server: {e.Message}");
    return 2;
}

await app.WaitForShutdownAsync();

// Disposing flushes the console log's queue: without it the shutdown's own events are lost.
await app.DisposeAsync();
return 0;
