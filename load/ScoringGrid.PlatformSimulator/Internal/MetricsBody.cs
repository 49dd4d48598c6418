using System.Globalization;
using System.Text;

namespace ScoringGrid.PlatformSimulator.Internal;

// Renders the rulebook §7 metrics of a simulated platform for its n-th served body (1-based), as UTF-8.
// Gauges depend only on the mode and the device count, counters on the body number, so the text
// around the counter values is rendered once per (mode, devices) and kept: a body then costs
// seven number formats and one copy (a load bench's simulator otherwise spends more CPU per sample
// than the collector it feeds).
internal sealed class MetricsBody(SimulatorOptions options)
{
    private Template? _template; // the newest one: the device count only changes in growing mode

    public byte[] Render(SimulatorMode mode, long n)
    {
        var o = options;
        var ratio = mode == SimulatorMode.Lying ? o.LieRatio : 1.0;
        var devices = (long)Math.Floor((o.Devices + (mode == SimulatorMode.Growing ? (n - 1) * o.GrowthPerScrape : 0)) * ratio);
        var template = _template;
        if (template is null || template.Mode != mode || template.Devices != devices)
        {
            template = Template.Build(o, mode, devices, ratio);
            _template = template; // immutable, so a race only builds it twice
        }

        var k = mode == SimulatorMode.CounterReset ? ((n - 1) % o.ResetEvery) + 1 : n;
        return template.Render(k, n);
    }

    // Fixed text with holes; hole i is (Factor × k) or (Factor × n) and goes after Text[i].
    private sealed class Template(SimulatorMode mode, long devices, byte[][] text, (double Factor, bool PerBody)[] holes)
    {
        private const int MaxNumber = 32; // a round-trip double is at most 24 characters
        private readonly int _fixedLength = text.Sum(static t => t.Length);

        public SimulatorMode Mode => mode;

        public long Devices => devices;

        public static Template Build(SimulatorOptions o, SimulatorMode mode, long devices, double ratio)
        {
            var b = new Builder();
            b.Family("iiot_devices_connected", "gauge", "Devices currently connected, by type and industry.");
            var perType = devices / o.DeviceTypes;
            for (var t = 0; t < o.DeviceTypes; t++)
            {
                var value = perType + (t == 0 ? devices % o.DeviceTypes : 0);
                b.Line("iiot_devices_connected", $"industry=\"ind{t % o.Industries}\",type=\"t{t:00}\"", value);
            }

            b.Family("iiot_device_types", "gauge", "Distinct connected device types.");
            b.Line("iiot_device_types", null, Math.Floor(o.DeviceTypes * ratio));
            b.Family("iiot_collection_points", "gauge", "Data collection points, by industry.");
            for (var i = 0; i < o.Industries; i++)
            {
                b.Line("iiot_collection_points", $"industry=\"ind{i}\"", devices * 6 / o.Industries);
            }

            b.Family("iiot_devices_managed", "gauge", "Devices under management, by type.");
            for (var t = 0; t < 3; t++)
            {
                b.Line("iiot_devices_managed", $"type=\"m{t}\"", devices / 6);
            }

            b.Grid("iiot_mechanism_models", "Mechanism models.", Math.Floor(20 * ratio), withDomain: true);
            b.Family("iiot_analysis_algorithms", "gauge", "Analysis algorithms.");
            b.Line("iiot_analysis_algorithms", null, Math.Floor(60 * ratio));
            b.Grid("iiot_apps", "Industrial apps.", Math.Floor(10 * ratio), withDomain: true);
            b.Grid("iiot_app_subscribing_enterprises", "Enterprises subscribing to apps.", Math.Floor(400 * ratio), withDomain: false);
            b.Family("iiot_app_subscribed_users", "gauge", "Users subscribed to apps, by type.");
            for (var t = 0; t < 3; t++)
            {
                b.Line("iiot_app_subscribed_users", $"type=\"u{t}\"", Math.Floor(2000 * ratio));
            }

            b.Family("iiot_sdk_developers", "gauge", "Developers using the SDK.");
            b.Line("iiot_sdk_developers", null, Math.Floor(1200 * ratio));
            b.Family("iiot_model_calls_total", "counter", "Mechanism model and algorithm calls.");
            b.Counter("iiot_model_calls_total", null, Math.Floor(o.ModelCallsPerScrape * ratio), perBody: false);
            b.Family("iiot_dev_tool_calls_total", "counter", "Development tool calls.");
            b.Counter("iiot_dev_tool_calls_total", null, Math.Floor(o.ModelCallsPerScrape * 2 * ratio), perBody: false);
            b.Family("data_rw_ops_total", "counter", "Data read and write operations.");
            b.Counter("data_rw_ops_total", null, Math.Floor(o.RwOpsPerScrape * ratio), perBody: false);
            b.Family("host_cpu_utilization_ratio", "gauge", "Business host CPU utilisation, 0..1.");
            b.Line("host_cpu_utilization_ratio", null, 0.3 * ratio);

            // A histogram, so scrapes exercise _bucket/_sum/_count series too. It never resets.
            b.Family("sim_request_duration_seconds", "histogram", "Simulated request latency.");
            b.Counter("sim_request_duration_seconds_bucket", "le=\"0.1\"", 8, perBody: true);
            b.Counter("sim_request_duration_seconds_bucket", "le=\"+Inf\"", 10, perBody: true);
            b.Counter("sim_request_duration_seconds_sum", null, 0.9, perBody: true);
            b.Counter("sim_request_duration_seconds_count", null, 10, perBody: true);
            return b.ToTemplate(mode, devices);
        }

        public byte[] Render(long k, long n)
        {
            Span<byte> numbers = stackalloc byte[MaxNumber * holes.Length];
            Span<int> lengths = stackalloc int[holes.Length];
            var total = _fixedLength;
            for (var i = 0; i < holes.Length; i++)
            {
                var (factor, perBody) = holes[i];
                var value = (perBody ? n : k) * factor;
                value.TryFormat(numbers.Slice(i * MaxNumber, MaxNumber), out lengths[i], "R", CultureInfo.InvariantCulture);
                total += lengths[i];
            }

            var body = new byte[total];
            var at = 0;
            for (var i = 0; i < text.Length; i++)
            {
                text[i].CopyTo(body, at);
                at += text[i].Length;
                if (i < holes.Length)
                {
                    numbers.Slice(i * MaxNumber, lengths[i]).CopyTo(body.AsSpan(at));
                    at += lengths[i];
                }
            }

            return body;
        }

        private sealed class Builder
        {
            private readonly StringBuilder _sb = new(4096);
            private readonly List<byte[]> _text = [];
            private readonly List<(double, bool)> _holes = [];

            // Nine series: three types across three industries (and, optionally, three domains).
            public void Grid(string name, string help, double each, bool withDomain)
            {
                Family(name, "gauge", help);
                for (var j = 0; j < 9; j++)
                {
                    var domain = withDomain ? $",domain=\"d{j / 3}\"" : string.Empty;
                    Line(name, $"industry=\"ind{j % 3}\"{domain},type=\"k{j / 3}\"", each);
                }
            }

            public void Family(string name, string type, string help) =>
                _sb.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

            public void Line(string name, string? labels, double value)
            {
                Name(name, labels);
                _sb.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }

            // A line whose value is factor × k (the counter-reset-aware scrape count) or × n (the body number).
            public void Counter(string name, string? labels, double factor, bool perBody)
            {
                Name(name, labels);
                _text.Add(Encoding.UTF8.GetBytes(_sb.ToString()));
                _sb.Clear().Append('\n');
                _holes.Add((factor, perBody));
            }

            public Template ToTemplate(SimulatorMode mode, long devices)
            {
                _text.Add(Encoding.UTF8.GetBytes(_sb.ToString()));
                return new Template(mode, devices, [.. _text], [.. _holes]);
            }

            private void Name(string name, string? labels)
            {
                _sb.Append(name);
                if (labels is not null)
                {
                    _sb.Append('{').Append(labels).Append('}');
                }

                _sb.Append(' ');
            }
        }
    }
}
