using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ScoringGrid.Common;
using ScoringGrid.Collector.Service.Grpc;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Prometheus;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Service;

// Composes the collector process; Program runs it, tests build it with their own arguments.
internal static class CollectorHost
{
    /// <exception cref="ArgumentException">A bad option.</exception>
    /// <exception cref="TargetConfigException">A bad target in the --targets file.</exception>
    public static WebApplication Build(string[] args)
    {
        var settings = CollectorSettings.Parse(args);
        var configured = settings.TargetsFile is null ? [] : TargetConfigLoader.Load(settings.TargetsFile);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddConsoleLogFormat(builder.Configuration);
        // Per-request framework logs would drown the collector's own events.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.UseUrls();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var listen = new Uri(settings.Listen);
            var address = listen.Host is "localhost" ? IPAddress.Loopback
                : listen.Host is "*" or "+" or "0.0.0.0" ? IPAddress.Any
                : IPAddress.Parse(listen.Host);
            kestrel.Listen(address, listen.Port, static o => o.Protocols = HttpProtocols.Http1);
            if (settings.GrpcUrls.Count > 0)
            {
                kestrel.ListenGrpc(settings.GrpcUrls);
            }
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => CollectorRedis.Connect(settings.Redis));
        builder.Services.AddSingleton(_ => CollectorOptions.Default);
        builder.Services.AddSingleton(sp => new SampleStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<CollectorOptions>()));
        builder.Services.AddSingleton(_ =>
        {
            var metrics = new CollectorMetrics();
            RuntimeMetrics.Register(metrics.Registry);
            return metrics;
        });
        builder.Services.AddSingleton(sp => new Scraper(
            sp.GetRequiredService<SampleStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CollectorMetrics>(), sp.GetRequiredService<ILogger<Scraper>>()));
        builder.Services.AddSingleton(sp => new TargetRegistry(sp.GetRequiredService<IConnectionMultiplexer>()));
        if (settings.Leases)
        {
            // On by default: harmless for a lone collector, and a second one can join at any time.
            var leaseOptions = settings.MemberId is null ? new LeaseOptions() : new LeaseOptions { MemberId = settings.MemberId };
            leaseOptions.Validate();
            builder.Services.AddSingleton(sp => new ScrapeLeases(
                sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<TimeProvider>(), leaseOptions,
                sp.GetRequiredService<CollectorMetrics>(), sp.GetRequiredService<ILogger<ScrapeLeases>>()));
        }

        builder.Services.AddSingleton(sp => new ScrapeScheduler(
            sp.GetRequiredService<TargetRegistry>(), sp.GetRequiredService<Scraper>(), sp.GetRequiredService<SampleStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<CollectorMetrics>(), sp.GetRequiredService<ILogger<ScrapeScheduler>>(),
            sp.GetService<ScrapeLeases>()));
        builder.Services.AddSingleton(sp => new FigureVerifier(sp.GetRequiredService<SampleStore>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new PlatformAdmin(
            sp.GetRequiredService<TargetRegistry>(), sp.GetRequiredService<SampleStore>(), sp.GetRequiredService<FigureVerifier>()));
        builder.Services.AddHostedService(sp => new CollectorService(
            sp.GetRequiredService<TargetRegistry>(), sp.GetRequiredService<ScrapeScheduler>(), configured, sp.GetRequiredService<ILogger<CollectorService>>()));
        if (settings.GrpcUrls.Count > 0)
        {
            builder.Services.AddSingleton<PlatformsGrpcService>();
            builder.Services.AddSingleton<IGrpcCallInterceptor>(sp => new AdminKeyInterceptor(settings.AdminKeySha256, sp.GetRequiredService<ILogger<AdminKeyInterceptor>>()));
            builder.Services.AddGrpcServer();
        }

        var app = builder.Build();
        CollectorEndpoints.Map(app);
        if (settings.GrpcUrls.Count > 0)
        {
            app.MapGrpcServices(app.Services.GetRequiredService<PlatformsGrpcService>().CreateDefinition());
        }

        return app;
    }
}
