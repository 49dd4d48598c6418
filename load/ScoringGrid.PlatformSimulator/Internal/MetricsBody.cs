using System.Globalization;
using System.Text;

namespace ScoringGrid.PlatformSimulator.Internal;

// Renders the rulebook §7 metrics of a simulated platform for its n-th served body (1-based).
internal static class MetricsBody
{
    public static string Render(SimulatorOptions o, SimulatorMode mode, long n)
    {
        var ratio = mode == SimulatorMode.Lying ? o.LieRatio : 1.0;
        var devices = (long)Math.Floor((o.Devices + (mode == SimulatorMode.Growing ? (n - 1) * o.GrowthPerScrape : 0)) * ratio);
        var k = mode == SimulatorMode.CounterReset ? ((n - 1) % o.ResetEvery) + 1 : n;
        var sb = new StringBuilder(4096);

        Family(sb, "iiot_devices_connected", "gauge", "Devices currently connected, by type and industry.");
        var perType = devices / o.DeviceTypes;
        for (var t = 0; t < o.DeviceTypes; t++)
        {
            var value = perType + (t == 0 ? devices % o.DeviceTypes : 0);
            Line(sb, "iiot_devices_connected", $"industry=\"ind{t % o.Industries}\",type=\"t{t:00}\"", value);
        }

        Family(sb, "iiot_device_types", "gauge", "Distinct connected device types.");
        Line(sb, "iiot_device_types", null, Math.Floor(o.DeviceTypes * ratio));
        Family(sb, "iiot_collection_points", "gauge", "Data collection points, by industry.");
        for (var i = 0; i < o.Industries; i++)
        {
            Line(sb, "iiot_collection_points", $"industry=\"ind{i}\"", devices * 6 / o.Industries);
        }

        Family(sb, "iiot_devices_managed", "gauge", "Devices under management, by type.");
        for (var t = 0; t < 3; t++)
        {
            Line(sb, "iiot_devices_managed", $"type=\"m{t}\"", devices / 6);
        }

        Grid(sb, "iiot_mechanism_models", "Mechanism models.", Math.Floor(20 * ratio), withDomain: true);
        Family(sb, "iiot_analysis_algorithms", "gauge", "Analysis algorithms.");
        Line(sb, "iiot_analysis_algorithms", null, Math.Floor(60 * ratio));
        Grid(sb, "iiot_apps", "Industrial apps.", Math.Floor(10 * ratio), withDomain: true);
        Grid(sb, "iiot_app_subscribing_enterprises", "Enterprises subscribing to apps.", Math.Floor(400 * ratio), withDomain: false);
        Family(sb, "iiot_app_subscribed_users", "gauge", "Users subscribed to apps, by type.");
        for (var t = 0; t < 3; t++)
        {
            Line(sb, "iiot_app_subscribed_users", $"type=\"u{t}\"", Math.Floor(2000 * ratio));
        }

        Family(sb, "iiot_sdk_developers", "gauge", "Developers using the SDK.");
        Line(sb, "iiot_sdk_developers", null, Math.Floor(1200 * ratio));
        Family(sb, "iiot_model_calls_total", "counter", "Mechanism model and algorithm calls.");
        Line(sb, "iiot_model_calls_total", null, k * Math.Floor(o.ModelCallsPerScrape * ratio));
        Family(sb, "iiot_dev_tool_calls_total", "counter", "Development tool calls.");
        Line(sb, "iiot_dev_tool_calls_total", null, k * Math.Floor(o.ModelCallsPerScrape * 2 * ratio));
        Family(sb, "data_rw_ops_total", "counter", "Data read and write operations.");
        Line(sb, "data_rw_ops_total", null, k * Math.Floor(o.RwOpsPerScrape * ratio));
        Family(sb, "host_cpu_utilization_ratio", "gauge", "Business host CPU utilisation, 0..1.");
        Line(sb, "host_cpu_utilization_ratio", null, 0.3 * ratio);

        // A histogram, so scrapes exercise _bucket/_sum/_count series too.
        Family(sb, "sim_request_duration_seconds", "histogram", "Simulated request latency.");
        Line(sb, "sim_request_duration_seconds_bucket", "le=\"0.1\"", 8 * n);
        Line(sb, "sim_request_duration_seconds_bucket", "le=\"+Inf\"", 10 * n);
        Line(sb, "sim_request_duration_seconds_sum", null, 0.9 * n);
        Line(sb, "sim_request_duration_seconds_count", null, 10 * n);
        return sb.ToString();
    }

    // Nine series: three types across three industries (and, optionally, three domains).
    private static void Grid(StringBuilder sb, string name, string help, double each, bool withDomain)
    {
        Family(sb, name, "gauge", help);
        for (var j = 0; j < 9; j++)
        {
            var domain = withDomain ? $",domain=\"d{j / 3}\"" : string.Empty;
            Line(sb, name, $"industry=\"ind{j % 3}\"{domain},type=\"k{j / 3}\"", each);
        }
    }

    private static void Family(StringBuilder sb, string name, string type, string help) =>
        sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder sb, string name, string? labels, double value)
    {
        sb.Append(name);
        if (labels is not null)
        {
            sb.Append('{').Append(labels).Append('}');
        }

        sb.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }
}
