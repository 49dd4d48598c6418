using System.Globalization;

namespace ScoringGrid.PlatformSimulator;

/// <summary>The simulated platform's shape. Parse from command-line arguments with <see cref="Parse"/>.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The behaviour.</summary>
    public SimulatorMode Mode { get; init; } = SimulatorMode.Honest;

    /// <summary>The loopback port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Connected devices an honest platform exposes (and would declare).</summary>
    public int Devices { get; init; } = 5_000;

    /// <summary>Device types (one <c>iiot_devices_connected</c> series each).</summary>
    public int DeviceTypes { get; init; } = 30;

    /// <summary>Industries the device types are spread over.</summary>
    public int Industries { get; init; } = 3;

    /// <summary>Model calls added per scrape.</summary>
    public int ModelCallsPerScrape { get; init; } = 100;

    /// <summary>Data read/write operations added per scrape.</summary>
    public int RwOpsPerScrape { get; init; } = 1_000;

    /// <summary>Fraction of the honest figures a lying platform exposes.</summary>
    public double LieRatio { get; init; } = 0.5;

    /// <summary>Devices added per scrape in growing mode.</summary>
    public int GrowthPerScrape { get; init; } = 10;

    /// <summary>Scrapes between counter resets in counter-reset mode.</summary>
    public int ResetEvery { get; init; } = 5;

    /// <summary>Length of each up and down phase in flapping mode, in scrapes.</summary>
    public int FlapEvery { get; init; } = 1;

    /// <summary>Answer delay in slow mode.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Body size in huge mode.</summary>
    public long HugeBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Requests per second the platform's resource API (<c>/api/resource</c>) serves; beyond it, 503.</summary>
    public int CapacityRps { get; init; } = 500;

    /// <summary>How long the resource API takes to answer a request within capacity.</summary>
    public TimeSpan ResourceLatency { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>When set, requests must carry <c>Authorization: Bearer</c> with this token.</summary>
    public string? BearerToken { get; init; }

    /// <summary>
    /// Reads <c>--mode honest|growing|lying|counter-reset|flapping|slow|garbage|huge</c>, <c>--port N</c>,
    /// <c>--devices N</c>, <c>--types N</c>, <c>--industries N</c>, <c>--calls N</c>, <c>--rw-ops N</c>,
    /// <c>--lie-ratio X</c>, <c>--growth N</c>, <c>--reset-every N</c>, <c>--flap-every N</c>,
    /// <c>--delay-ms N</c>, <c>--huge-mib N</c>, <c>--token T</c>, <c>--capacity-rps N</c>, <c>--latency-ms N</c>.
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <exception cref="ArgumentException">An unknown option or a bad value; the message names it.</exception>
    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        var o = new SimulatorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value", nameof(args));
            o = name switch
            {
                "--mode" => o with { Mode = ParseMode(value) },
                "--port" => o with { Port = Int(name, value) },
                "--devices" => o with { Devices = Int(name, value) },
                "--types" => o with { DeviceTypes = Math.Max(1, Int(name, value)) },
                "--industries" => o with { Industries = Math.Max(1, Int(name, value)) },
                "--calls" => o with { ModelCallsPerScrape = Int(name, value) },
                "--rw-ops" => o with { RwOpsPerScrape = Int(name, value) },
                "--lie-ratio" => o with { LieRatio = double.Parse(value, CultureInfo.InvariantCulture) },
                "--growth" => o with { GrowthPerScrape = Int(name, value) },
                "--reset-every" => o with { ResetEvery = Math.Max(1, Int(name, value)) },
                "--flap-every" => o with { FlapEvery = Math.Max(1, Int(name, value)) },
                "--delay-ms" => o with { Delay = TimeSpan.FromMilliseconds(Int(name, value)) },
                "--huge-mib" => o with { HugeBytes = Int(name, value) * 1024L * 1024 },
                "--token" => o with { BearerToken = value },
                "--capacity-rps" => o with { CapacityRps = Math.Max(1, Int(name, value)) },
                "--latency-ms" => o with { ResourceLatency = TimeSpan.FromMilliseconds(Int(name, value)) },
                _ => throw new ArgumentException($"unknown option {name}", nameof(args)),
            };
        }

        return o;
    }

    private static int Int(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"{name} must be a non-negative integer, was '{value}'", nameof(name));

    private static SimulatorMode ParseMode(string value) =>
        Enum.TryParse<SimulatorMode>(value.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode)
            ? mode
            : throw new ArgumentException($"--mode '{value}' is not one of honest, growing, lying, counter-reset, flapping, slow, garbage, huge", nameof(value));
}
