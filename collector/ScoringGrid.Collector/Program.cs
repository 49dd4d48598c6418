using ScoringGrid.Collector;
using ScoringGrid.Collector.Service;

// sg-collector --targets FILE --redis HOST:PORT --listen URL [--grpc-urls URL] [--admin-key-sha256 HEX] [--leases on|off] [--member-id ID]
WebApplication app;
try
{
    app = CollectorHost.Build(args);
    await app.StartAsync();
}
catch (Exception ex) when (ex is ArgumentException or TargetConfigException or FormatException or UriFormatException or IOException)
{
    // IOException: an address it cannot bind.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

await app.WaitForShutdownAsync();

// Disposing flushes the console log's queue: without it the shutdown's own events are lost.
await app.DisposeAsync();
return 0;
