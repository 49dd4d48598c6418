using System.Text.Json;
using ScoringGrid.Collector;
using StackExchange.Redis;

namespace ScoringGrid.Collector.Service;

// HTTP surface: /metrics and /healthz for operators, and a read-only JSON view
// (/api/platforms, /api/verify/{id}) for the quick start; the admin API is gRPC (Grpc/PlatformsGrpcService).
internal static class CollectorEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/metrics", static async (HttpContext context, CollectorMetrics metrics) =>
        {
            context.Response.ContentType = ScoringGrid.Prometheus.MetricRegistry.ContentType;
            await metrics.Registry.WriteToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });

        app.MapGet("/healthz", static (HttpContext context, IConnectionMultiplexer redis, Scraper scraper) =>
        {
            var health = new Dictionary<string, object>
            {
                ["status"] = "ok",
                ["redis"] = redis.IsConnected ? "connected" : "disconnected",
                ["buffered_samples"] = scraper.BufferedSamples,
            };
            if (context.RequestServices.GetService<ScrapeLeases>() is { } leases)
            {
                health["member_id"] = leases.MemberId;
                health["members"] = leases.Members.Count;
                health["leases_held"] = leases.HeldPlatforms.Count;
            }

            return Results.Json(health);
        });

        app.MapGet("/api/platforms", static async (PlatformAdmin admin) =>
        {
            var list = new List<Dictionary<string, object?>>();
            foreach (var p in await admin.ListPlatformsAsync().ConfigureAwait(false))
            {
                list.Add(new Dictionary<string, object?>
                {
                    ["platform_id"] = p.Target.PlatformId,
                    ["url"] = p.Target.Url.ToString(),
                    ["interval_s"] = p.Target.Interval.TotalSeconds,
                    ["up"] = p.Health?.Up,
                    ["last_scrape_ms"] = p.Health?.LastScrapeMs,
                    ["last_error"] = p.Health?.LastError,
                });
            }

            return Results.Json(list);
        });

        // Body: {"figures": {"connected_devices": 5000, …}, "window_days": 30}
        app.MapPost("/api/verify/{platformId}", static async (string platformId, HttpRequest request, PlatformAdmin admin) =>
        {
            using var doc = await JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
            var figures = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var f in doc.RootElement.GetProperty("figures").EnumerateObject())
            {
                figures[f.Name] = f.Value.GetDouble();
            }

            TimeSpan? window = doc.RootElement.TryGetProperty("window_days", out var w) ? TimeSpan.FromDays(w.GetDouble()) : null;
            var results = await admin.VerifyFiguresAsync(platformId, figures, window).ConfigureAwait(false);
            return Results.Json(VerificationJson.From(results));
        });
    }
}
