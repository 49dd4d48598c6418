using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Grpc;

namespace ScoringGrid.Collector.Service.Grpc;

// scoringgrid.v1.PlatformTarget <-> ScrapeTarget. Tokens go in, never out.
internal static class PlatformMapping
{
    public static ScrapeTarget ToTarget(V1.PlatformTarget? message)
    {
        if (message is null)
        {
            throw Invalid("target", "target is required");
        }

        if (!Uri.TryCreate(message.Url, UriKind.Absolute, out var url))
        {
            throw Invalid("target.url", $"url '{message.Url}' is not an absolute URL");
        }

        if (!double.IsFinite(message.IntervalSeconds) || message.IntervalSeconds < 0 || !double.IsFinite(message.TimeoutSeconds) || message.TimeoutSeconds < 0)
        {
            throw Invalid("target.interval_seconds", "interval_seconds and timeout_seconds must be finite and >= 0 (0: default)");
        }

        return new ScrapeTarget
        {
            PlatformId = message.PlatformId,
            Url = url,
            Interval = message.IntervalSeconds > 0 ? TimeSpan.FromSeconds(message.IntervalSeconds) : ScrapeTarget.DefaultInterval,
            Timeout = message.TimeoutSeconds > 0 ? TimeSpan.FromSeconds(message.TimeoutSeconds) : null,
            BearerToken = message.BearerToken.Length > 0 ? message.BearerToken : null,
            TlsInsecureSkipVerify = message.TlsInsecureSkipVerify,
            Labels = new Dictionary<string, string>(message.Labels, StringComparer.Ordinal),
        };
    }

    public static V1.PlatformTarget ToMessage(ScrapeTarget target)
    {
        var message = new V1.PlatformTarget
        {
            PlatformId = target.PlatformId,
            Url = target.Url.ToString(),
            IntervalSeconds = target.Interval.TotalSeconds,
            TimeoutSeconds = target.EffectiveTimeout.TotalSeconds,
            TlsInsecureSkipVerify = target.TlsInsecureSkipVerify,
            HasBearerToken = target.BearerToken is not null,
        };
        foreach (var (name, value) in target.Labels)
        {
            message.Labels[name] = value;
        }

        return message;
    }

    public static V1.PlatformInfo ToMessage(PlatformStatus status)
    {
        var info = new V1.PlatformInfo { Target = ToMessage(status.Target) };
        if (status.Health is { } health)
        {
            info.Up = health.Up;
            info.LastScrape = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(health.LastScrapeMs));
            info.LastError = health.LastError ?? "";
        }

        return info;
    }

    public static RpcException Invalid(string field, string message) =>
        new(new Status(StatusCode.InvalidArgument, message.StartsWith(field, StringComparison.Ordinal) ? message : $"{field}: {message}"));
}
