using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ScoringGrid.Collector.Internal;

// A registered target as persisted in the `sg:targets` hash.
internal static class TargetJson
{
    public static string Write(ScrapeTarget target)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("platform_id", target.PlatformId);
            json.WriteString("url", target.Url.AbsoluteUri);
            json.WriteNumber("interval_ms", (long)target.Interval.TotalMilliseconds);
            if (target.Timeout is { } timeout)
            {
                json.WriteNumber("timeout_ms", (long)timeout.TotalMilliseconds);
            }

            if (target.BearerToken is { } token)
            {
                json.WriteString("bearer_token", token);
            }

            json.WriteBoolean("tls_insecure_skip_verify", target.TlsInsecureSkipVerify);
            json.WriteStartObject("labels");
            foreach (var label in target.Labels)
            {
                json.WriteString(label.Key, label.Value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static ScrapeTarget Read(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in root.GetProperty("labels").EnumerateObject())
        {
            labels[label.Name] = label.Value.GetString() ?? string.Empty;
        }

        return new ScrapeTarget
        {
            PlatformId = root.GetProperty("platform_id").GetString()!,
            Url = new Uri(root.GetProperty("url").GetString()!),
            Interval = TimeSpan.FromMilliseconds(root.GetProperty("interval_ms").GetInt64()),
            Timeout = root.TryGetProperty("timeout_ms", out var t) ? TimeSpan.FromMilliseconds(t.GetInt64()) : null,
            BearerToken = root.TryGetProperty("bearer_token", out var b) ? b.GetString() : null,
            TlsInsecureSkipVerify = root.GetProperty("tls_insecure_skip_verify").GetBoolean(),
            Labels = labels,
        };
    }
}
