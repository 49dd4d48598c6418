using Google.Protobuf.Reflection;
using ScoringGrid.Common;
using ScoringGrid.Grpc.Server;
using ScoringGrid.Grpc.Server.Health;
using ScoringGrid.Grpc.Server.Reflection;
using ScoringGrid.Prometheus;
using ScoringGrid.Scoring;
using ScoringGrid.Server.Grpc;
using ScoringGrid.Server.Observability;
using ScoringGrid.Server.Rest;
using ScoringGrid.Server.Rounds;
using ScoringGrid.Server.RuleSets;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;
using ScoringGrid.Server.Verification;

namespace ScoringGrid.Server;

/// <summary>
/// Composes the server: Kestrel endpoints (gRPC over h2c/TLS, optional HTTP/1.1), the Scoring,
/// health and reflection services, REST, <c>/metrics</c>, API keys and rule-set hot reload.
/// Tests build it with their own arguments.
/// </summary>
public static class ScoringServer
{
    /// <summary>Default gRPC URL when none is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:50051";

    /// <summary>Builds the application from command-line arguments (<c>--urls</c>, <c>--ScoringGrid:RuleSets DIR</c>, …).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Kestrel's endpoints come from ListenGrpc below. Given --urls, the host would also bind those URLs
        // itself and warn at every start that Kestrel overrides them, so that argument is read here instead.
        var urlsArgument = TakeUrls(ref args);
        var builder = WebApplication.CreateSlimBuilder(args);
        SettingReader.Read<ILoggingBuilder>(null, () => builder.Logging.AddConsoleLogFormat(builder.Configuration));
        // Per-request framework logs would drown the service's own events at any real rate.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Hosting's diagnostics logger writes only per-request Information events, yet while any level of
        // it is enabled, hosting starts an Activity per request for log scopes (7 % of the bytes a unary
        // call allocated). Tracing listeners, when attached, still get their activities.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        // Every setting is checked before anything starts: a bad one is a ServerConfigurationException naming it.
        var settings = SettingReader.Bind<ServerSettings>(builder.Configuration, "ScoringGrid");
        settings.Validate();
        var security = SettingReader.Bind<SecurityOptions>(builder.Configuration, "ScoringGrid:Security");
        var authenticator = SettingReader.Read<ApiKeyAuthenticator>(null, () => new ApiKeyAuthenticator(security, TimeProvider.System));
        var urlsSetting = urlsArgument is null ? "urls" : "--urls";
        var urls = SettingReader.Urls(urlsArgument ?? builder.Configuration["urls"] ?? DefaultUrl);
        var httpUrls = SettingReader.Urls(settings.HttpUrls);
        var certificate = SettingReader.Certificate(settings, TimeProvider.System);
        if (certificate is null && urls.Find(static url => url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)) is { } https)
        {
            throw new ServerConfigurationException($"{urlsSetting}: '{https}' needs a certificate; set ScoringGrid:CertificatePath to a PFX file.");
        }

        // Kestrel applies these when the application is built, naming a bad URL's setting from here.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Naming the server software only helps someone looking for a known flaw in it.
            kestrel.AddServerHeader = false;
            if (settings.KeepAlivePing != TimeSpan.Zero)
            {
                kestrel.Limits.Http2.KeepAlivePingDelay = settings.KeepAlivePing;
                kestrel.Limits.Http2.KeepAlivePingTimeout = settings.KeepAliveTimeout;
            }

            SettingReader.Read(urlsSetting, () => kestrel.ListenGrpc(urls, certificate is null ? null : () => certificate.Current, settings.ConnectionAge));
            SettingReader.Read("ScoringGrid:HttpUrls", () => httpUrls.ForEach(url => kestrel.ListenHttp1(url)));
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.DrainTimeout);

        var catalog = settings.RuleSets.Length > 0 ? SettingReader.RuleSets(settings.RuleSets) : RuleSetCatalog.LoadShipped();
        var provider = new RuleSetProvider(catalog);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(provider);
        builder.Services.AddSingleton(TimeProvider.System);
        var registry = new MetricRegistry();
        RuntimeMetrics.Register(registry);
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<ConnectionMetrics>();
        builder.Services.AddSingleton(authenticator);
        builder.Services.AddSingleton<AccessControl>();
        builder.Services.AddSingleton(sp => new ScoringOptions
        {
            TimeProvider = sp.GetRequiredService<TimeProvider>(),
            ProviderPool = settings.ProviderPool.Count > 0 ? settings.ProviderPool.ToHashSet(StringComparer.Ordinal) : null,
            // With Redis, gate.not_banned reads the fraud registry the Rounds API marks.
            Registry = sp.GetRequiredService<RedisRounds>().GateRegistry,
        });
        builder.Services.AddSingleton<ScoringOperations>();
        builder.Services.AddFigureVerification(builder.Configuration);
        builder.Services.AddRounds();
        builder.Services.AddSingleton<ScoringGrpcService>();
        builder.Services.AddSingleton<RestCallObserver>();
        builder.Services.AddSingleton<GrpcHealthService>();
        builder.Services.AddSingleton<IGrpcCallInterceptor, ApiKeyInterceptor>();
        builder.Services.AddGrpcServer(o =>
        {
            o.MaxReceiveMessageSize = settings.MaxMessageBytes;
            o.MaxSendMessageSize = settings.MaxMessageBytes;
            o.ResponseCompression = settings.ResponseCompression.Length > 0 ? settings.ResponseCompression : null;
        });
        if (settings.CorsOrigins.Count > 0)
        {
            builder.Services.AddCors(cors => cors.AddPolicy(RestEndpoints.CorsPolicy, policy => policy
                .WithOrigins([.. settings.CorsOrigins])
                .WithMethods(HttpMethods.Post, HttpMethods.Get)
                .WithHeaders("authorization", "content-type", "content-encoding", "if-none-match")
                // A page must see how long to wait after a 429, and a rule set's tag to revalidate it.
                .WithExposedHeaders("retry-after", "etag")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        }

        if (certificate is not null)
        {
            builder.Services.AddSingleton(certificate);
            builder.Services.AddHostedService(sp => certificate.LoggingTo(sp.GetRequiredService<ILogger<ServerCertificate>>()));
        }

        if (settings.RuleSets.Length > 0)
        {
            builder.Services.AddHostedService(sp => new RuleSetDirectoryWatcher(
                settings.RuleSets, provider, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RuleSetDirectoryWatcher>>()));
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        Wire(app, security);
        return app;
    }

    // The last --urls value (as "--urls X" or "--urls=X"), removed from the arguments the host sees.
    private static string? TakeUrls(ref string[] args)
    {
        string? urls = null;
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--urls" && i + 1 < args.Length)
            {
                urls = args[++i];
            }
            else if (args[i].StartsWith("--urls=", StringComparison.Ordinal))
            {
                urls = args[i]["--urls=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        args = [.. rest];
        return urls;
    }

    private static void Wire(WebApplication app, SecurityOptions security)
    {
        var health = app.Services.GetRequiredService<GrpcHealthService>();
        // Scoring serves only with rule sets to score against: a load balancer or a readiness probe
        // asking for scoringgrid.v1.Scoring must not send applications to a server that would refuse
        // them all, and must hear when a reload brings the first rule set.
        var ruleSets = app.Services.GetRequiredService<RuleSetProvider>();
        void ReportScoring(RuleSetCatalog catalog) => health.SetStatus(ScoringGrpcService.ServiceName, catalog.RuleSets.Count > 0
            ? global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving
            : global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing);
        ReportScoring(ruleSets.Current);
        ruleSets.Reloaded += (catalog, _) => ReportScoring(catalog);
        var reflection = GrpcReflectionService.FromFiles(
        [
            V1.ScoringReflection.Descriptor,
            V1.RoundsReflection.Descriptor,
            global::Grpc.Health.V1.HealthReflection.Descriptor,
        ]);
        health.SetStatus(RoundsGrpcService.ServiceName, app.Services.GetRequiredService<RedisRounds>().Registry is null
            ? global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.NotServing
            : global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        app.MapGrpcServices(
        [
            app.Services.GetRequiredService<ScoringGrpcService>().CreateDefinition(),
            app.Services.GetRequiredService<RoundsGrpcService>().CreateDefinition(),
            health.CreateDefinition(),
            .. reflection.CreateDefinitions(),
        ]);
        // Routing only after gRPC: otherwise WebApplication puts it first and every gRPC call pays
        // for endpoint matching it never uses.
        app.UseRouting();
        var cors = app.Services.GetRequiredService<ServerSettings>().CorsOrigins.Count > 0;
        if (cors)
        {
            app.UseCors();
        }

        var metrics = app.Services.GetRequiredService<ServerMetrics>();
        metrics.TrackKeys(app.Services.GetRequiredService<ApiKeyAuthenticator>().Keys);
        // Made now, before the first connection, so that none goes uncounted.
        app.Services.GetRequiredService<ConnectionMetrics>();
        app.MapGet("/metrics", async (HttpContext http) =>
        {
            http.Response.ContentType = MetricRegistry.ContentType;
            await metrics.Registry.WriteToAsync(http.Response.Body, http.RequestAborted);
        });
        // Liveness: the process answers. Readiness, for probes that speak HTTP rather than gRPC health
        // (a Kubernetes httpGet probe, a load balancer's check): scoring is SERVING, as gRPC health says.
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", () =>
            health.TryGetStatus(ScoringGrpcService.ServiceName, out var status) && status == global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving
                ? Results.Text("ready\n")
                : Results.Text(
                    $"not ready: {(ruleSets.Current.RuleSets.Count == 0 ? "no rule set is loaded" : "the server is stopping")}\n",
                    statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapScoringRest(cors);

        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ScoringGrid.Server");
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(health.EnterShutdown);
        lifetime.ApplicationStopping.Register(reflection.EnterShutdown);
        lifetime.ApplicationStarted.Register(() =>
        {
            var catalog = app.Services.GetRequiredService<RuleSetProvider>().Current;
            ServerLog.Started(log, string.Join(", ", app.Urls), catalog.RuleSets.Count, security.ApiKeys.Count);
            if (catalog.RuleSets.Count == 0)
            {
                // Not refused: the directory is watched, so rule files can be added while the server runs.
                ServerLog.NoRuleSets(log, app.Services.GetRequiredService<ServerSettings>().RuleSets);
            }
            if (security.ApiKeys.Count == 0)
            {
                ServerLog.OpenMode(log);
            }
        });
    }
}
