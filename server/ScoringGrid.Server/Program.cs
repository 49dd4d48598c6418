using ScoringGrid.Server;

// dotnet run --project server/ScoringGrid.Server -- --urls http://127.0.0.1:50051
var app = ScoringServer.Build(args);
await app.RunAsync();
