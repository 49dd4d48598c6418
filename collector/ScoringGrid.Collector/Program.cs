using ScoringGrid.Collector;
using ScoringGrid.Collector.Service;
using StackExchange.Redis;

CollectorSettings settings;
IReadOnlyList<ScrapeTarget> configured;
try
{
    settings = CollectorSettings.Parse(args);
    configured = settings.TargetsFile is null ? [] : TargetConfigLoader.Load(settings.TargetsFile);
}
catch (Exception ex) when (ex is ArgumentException or TargetConfigException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls(settings.Listen);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IConnectionMultiplexer>(_ => CollectorRedis.Connect(settings.Redis));
builder.Services.AddSingleton(_ => CollectorOptions.Default);
builder.Services.AddSingleton(sp => new SampleStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<CollectorOptions>()));
builder.Services.AddSingleton(_ => new CollectorMetrics());
builder.Services.AddSingleton(sp => new Scraper(
    sp.GetRequiredService<SampleStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CollectorMetrics>(), sp.GetRequiredService<ILogger<Scraper>>()));
builder.Services.AddSingleton(sp => new TargetRegistry(sp.GetRequiredService<IConnectionMultiplexer>()));
builder.Services.AddSingleton(sp => new ScrapeScheduler(
    sp.GetRequiredService<TargetRegistry>(), sp.GetRequiredService<Scraper>(), sp.GetRequiredService<SampleStore>(),
    sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CollectorMetrics>(), sp.GetRequiredService<ILogger<ScrapeScheduler>>()));
builder.Services.AddSingleton(sp => new FigureVerifier(sp.GetRequiredService<SampleStore>(), sp.GetRequiredService<TimeProvider>()));
builder.Services.AddSingleton(sp => new PlatformAdmin(
    sp.GetRequiredService<TargetRegistry>(), sp.GetRequiredService<SampleStore>(), sp.GetRequiredService<FigureVerifier>()));
builder.Services.AddHostedService(sp => new CollectorService(
    sp.GetRequiredService<TargetRegistry>(), sp.GetRequiredService<ScrapeScheduler>(), configured, sp.GetRequiredService<ILogger<CollectorService>>()));

var app = builder.Build();
CollectorEndpoints.Map(app);
await app.RunAsync();
return 0;
