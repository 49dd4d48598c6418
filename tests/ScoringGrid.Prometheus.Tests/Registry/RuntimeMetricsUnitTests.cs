using System.Buffers;
using System.Diagnostics;
using System.Runtime;
using ScoringGrid.Prometheus.Internal;

namespace ScoringGrid.Prometheus.Tests.Registry;

// The runtime's figures are read through the same APIs the series use only where no other view
// exists; CPU, memory and descriptors are checked against Process and /proc instead.
public class RuntimeMetricsUnitTests
{
    private static readonly string[] Families =
    [
        "process_cpu_seconds_total", "process_resident_memory_bytes", "process_start_time_seconds",
        "dotnet_process_cpu_time_seconds_total", "dotnet_process_cpus", "dotnet_runtime_info",
        "dotnet_gc_collections_total", "dotnet_gc_pause_time_seconds_total", "dotnet_gc_heap_total_allocated_bytes_total",
        "dotnet_gc_last_collection_heap_size_bytes", "dotnet_gc_last_collection_memory_committed_size_bytes",
        "dotnet_thread_pool_threads", "dotnet_thread_pool_queue_length", "dotnet_thread_pool_work_item_count_total",
        "dotnet_monitor_lock_contentions_total", "dotnet_jit_compiled_methods_total", "dotnet_jit_compilation_time_seconds_total",
    ];

    [Fact]
    public void Register_WritesEveryFamily_WithHelpAndType()
    {
        var registry = new MetricRegistry();
        RuntimeMetrics.Register(registry);

        var parsed = Scrape(registry);

        foreach (var name in Families)
        {
            var family = Assert.Single(parsed.Families, f => f.Name == name);
            Assert.False(string.IsNullOrEmpty(family.Help), name);
            Assert.Equal(name.EndsWith("_total", StringComparison.Ordinal) ? MetricType.Counter : MetricType.Gauge, family.Type);
        }

        Assert.Equal(3, parsed.Samples.Count(s => s.Name == "dotnet_gc_collections_total"));
        Assert.Equal(["gen0", "gen1", "gen2", "loh", "poh"], LabelValues(parsed, "dotnet_gc_last_collection_heap_size_bytes", "gc_heap_generation"));
        Assert.Equal(["system", "user"], LabelValues(parsed, "dotnet_process_cpu_time_seconds_total", "cpu_mode"));
        var info = Assert.Single(parsed.Samples, s => s.Name == "dotnet_runtime_info");
        Assert.True(info.TryGetLabel("gc_mode", out var mode));
        Assert.Equal(GCSettings.IsServerGC ? "server" : "workstation", mode);
        Assert.True(info.TryGetLabel("version", out var version));
        Assert.Equal(Environment.Version.ToString(), version);
        Assert.True(info.TryGetLabel("gc_dynamic_adaptation", out var adaptation));
        Assert.Equal(GCSettings.IsServerGC && Convert.ToInt64(GC.GetConfigurationVariables()["GCDynamicAdaptationMode"], System.Globalization.CultureInfo.InvariantCulture) == 1 ? "on" : "off", adaptation);
    }

    [Fact]
    public void ProcessSeries_AgreeWithProcessAndProc()
    {
        var registry = new MetricRegistry();
        RuntimeMetrics.Register(registry);
        using var process = Process.GetCurrentProcess();
        Spin(TimeSpan.FromMilliseconds(100));

        var before = process.TotalProcessorTime.TotalSeconds;
        var parsed = Scrape(registry);
        process.Refresh();
        var after = process.TotalProcessorTime.TotalSeconds;

        var cpu = Value(parsed, "process_cpu_seconds_total");
        Assert.InRange(cpu, before - 0.02, after + 0.02);
        Assert.Equal(cpu, Sum(parsed, "dotnet_process_cpu_time_seconds_total"), 0.02);
        Assert.InRange(Value(parsed, "process_resident_memory_bytes"), process.WorkingSet64 / 2d, process.WorkingSet64 * 2d);
        Assert.Equal(new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000d, Value(parsed, "process_start_time_seconds"), 0.001);
        Assert.Equal(Environment.ProcessorCount, Value(parsed, "dotnet_process_cpus"));
        if (OperatingSystem.IsLinux())
        {
            var open = Directory.GetFileSystemEntries("/proc/self/fd").Length;
            Assert.InRange(Value(parsed, "process_open_fds"), open - 16, open + 16);
            Assert.True(Value(parsed, "process_max_fds") >= open);
        }
    }

    [Fact]
    public void CpuAndAllocation_GrowByTheWorkDone()
    {
        var registry = new MetricRegistry();
        RuntimeMetrics.Register(registry);
        var first = Scrape(registry);

        var kept = new byte[64][];
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = new byte[256 * 1024];
        }

        Spin(TimeSpan.FromMilliseconds(300));
        var second = Scrape(registry);

        GC.KeepAlive(kept);
        Assert.True(Value(second, "dotnet_gc_heap_total_allocated_bytes_total") - Value(first, "dotnet_gc_heap_total_allocated_bytes_total") >= 64 * 256 * 1024);
        Assert.True(Value(second, "process_cpu_seconds_total") - Value(first, "process_cpu_seconds_total") >= 0.25);
    }

    [Fact]
    public void ForcedCollection_CountsUnderGen2Only()
    {
        var registry = new MetricRegistry();
        RuntimeMetrics.Register(registry);
        var first = Scrape(registry);
        var gen2Before = GC.CollectionCount(2);

        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var second = Scrape(registry);

        // Other tests may collect at the same time; this one's collection is at least one of gen2's.
        var gen2 = Collections(second, "gen2") - Collections(first, "gen2");
        Assert.True(gen2 >= 1, $"gen2 collections grew by {gen2}");
        Assert.True(GC.CollectionCount(2) - gen2Before >= gen2);
        Assert.Equal(GC.CollectionCount(0), Collections(second, "gen0") + Collections(second, "gen1") + Collections(second, "gen2"), 8);
    }

    [Fact]
    public async Task Counters_NeverDecrease_WhileCollectionsRunOnAnotherThread()
    {
        var registry = new MetricRegistry();
        RuntimeMetrics.Register(registry);

        // A bounded number of collections, few of them gen2 and none compacting: every one pauses the
        // whole test process, other tests' threads included.
        var churn = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                GC.Collect(i % 10 == 9 ? 2 : i % 2, GCCollectionMode.Forced, blocking: true, compacting: false);
                Thread.Sleep(1);
            }
        });

        var last = new Dictionary<string, double>();
        var scrapes = 0;
        while (!churn.IsCompleted || scrapes < 20)
        {
            scrapes++;
            foreach (var sample in Scrape(registry).Samples)
            {
                if (sample.Family.Type != MetricType.Counter)
                {
                    continue;
                }

                var key = sample.ToString();
                key = key[..key.LastIndexOf(' ')];
                if (last.TryGetValue(key, out var previous))
                {
                    Assert.True(sample.Value >= previous, $"{key} went from {previous} to {sample.Value}");
                }

                last[key] = sample.Value;
            }
        }

        await churn;
        Assert.True(last.Count >= 12);
    }

    [Fact]
    public void Register_Twice_AddsEachDeltaOnce()
    {
        var registry = new MetricRegistry();
        RuntimeMetrics.Register(registry);
        RuntimeMetrics.Register(registry);

        var parsed = Scrape(registry);
        var cpu = Value(parsed, "process_cpu_seconds_total");

        Assert.InRange(cpu, 0, Environment.CpuUsage.TotalTime.TotalSeconds + 0.02);
        Assert.Equal(cpu, Sum(parsed, "dotnet_process_cpu_time_seconds_total"), 0.02);
    }

    [Fact]
    public void MirroredCounter_RaisedFromManyThreads_EndsAtTheHighestTotal()
    {
        var child = new MetricRegistry().CreateCounter("c_total", "C.").WithLabels();
        var mirror = new MirroredCounter(child);
        var seen = 0L;

        // Totals rise, but threads see them out of order and often the same one at once.
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 200_000; i++)
            {
                var total = Interlocked.Increment(ref seen) / 3;
                mirror.RaiseTo(total);
                mirror.RaiseTo(total - 1);
            }
        });

        Assert.Equal(Interlocked.Read(ref seen) / 3, child.Value);
    }

    [Fact]
    public void CollectionsByHighestGeneration_CollectionBetweenReads_ReadsAgain()
    {
        // Counts as GC.CollectionCount gives them: 10 collections, 4 of gen1 or higher, 1 of gen2;
        // a gen2 collection lands after the first read of generation 2.
        int[] counts = [10, 4, 1];
        var reads = 0;
        int Count(int generation)
        {
            if (++reads == 3)
            {
                counts = [11, 5, 2];
            }

            return counts[generation];
        }

        var (gen0, gen1, gen2) = RuntimeMetrics.CollectionsByHighestGeneration(Count);

        Assert.Equal((6, 3, 2), (gen0, gen1, gen2));
        Assert.Equal(8, reads);
    }

    private static ParseResult Scrape(MetricRegistry registry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        registry.WriteTo(buffer);
        var parsed = new ExpositionParser().Parse(buffer.WrittenSpan);
        Assert.True(parsed.Succeeded, parsed.Error?.ToString());
        return parsed;
    }

    private static double Value(ParseResult parsed, string name) => Assert.Single(parsed.Samples, s => s.Name == name).Value;

    private static double Sum(ParseResult parsed, string name) => parsed.Samples.Where(s => s.Name == name).Sum(s => s.Value);

    private static double Collections(ParseResult parsed, string generation) =>
        Assert.Single(parsed.Samples, s => s.Name == "dotnet_gc_collections_total" && s.TryGetLabel("gc_heap_generation", out var g) && g == generation).Value;

    private static string[] LabelValues(ParseResult parsed, string name, string label) =>
        [.. parsed.Samples.Where(s => s.Name == name).Select(s => s.TryGetLabel(label, out var v) ? v : "").Order(StringComparer.Ordinal)];

    // Measured by Process (/proc), not by Environment.CpuUsage, which the series read.
    private static void Spin(TimeSpan cpu)
    {
        using var process = Process.GetCurrentProcess();
        var start = process.TotalProcessorTime;
        var x = 0L;
        while (Refreshed(process).TotalProcessorTime - start < cpu)
        {
            for (var i = 0; i < 100_000; i++)
            {
                x += i ^ (x >> 3);
            }
        }

        GC.KeepAlive(x);
    }

    private static Process Refreshed(Process process)
    {
        process.Refresh();
        return process;
    }
}
