using System.Diagnostics;
using System.Runtime;
using System.Runtime.CompilerServices;
using ScoringGrid.Prometheus.Internal;

namespace ScoringGrid.Prometheus;

/// <summary>
/// The process's own series, read when a registry is written: CPU, memory and file descriptors
/// under the <c>process_*</c> names every Prometheus client library uses, and the .NET runtime's
/// GC, thread pool, lock contention and JIT under the names .NET's <c>System.Runtime</c> meter
/// gets when OpenTelemetry exports it to Prometheus (<c>dotnet.gc.pause.time</c> becomes
/// <c>dotnet_gc_pause_time_seconds_total</c>), so dashboards made for either work unchanged. Two
/// are renamed because promtool lints a <c>_count</c> suffix outside histograms and summaries:
/// <c>dotnet_process_cpus</c> (<c>dotnet.process.cpu.count</c>) and <c>dotnet_thread_pool_threads</c>
/// (<c>dotnet.thread_pool.thread.count</c>).
/// </summary>
public static class RuntimeMetrics
{
    // One set of series per registry: a second set would add every delta twice to the same counters.
    private static readonly ConditionalWeakTable<MetricRegistry, RuntimeSeries> Registered = new();

    /// <summary>
    /// Adds the series to <paramref name="registry"/>; they cost nothing between scrapes. Calling
    /// it again for the same registry does nothing.
    /// </summary>
    /// <param name="registry">The registry to write them with.</param>
    public static void Register(MetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registered.GetValue(registry, static r =>
        {
            var series = new RuntimeSeries(r);
            r.AddCollectCallback(series.Collect);
            return series;
        });
    }

    /// <summary>
    /// Collections counted once each, under the highest generation collected, from
    /// <paramref name="collectionCount"/> (<see cref="GC.CollectionCount(int)"/>), which counts a
    /// generation's collections and every higher one's. The three reads are retried (up to 8 times)
    /// until no collection fell between them (every collection counts in generation 0), so the
    /// counts are one consistent snapshot.
    /// </summary>
    internal static (int Gen0, int Gen1, int Gen2) CollectionsByHighestGeneration(Func<int, int> collectionCount)
    {
        int any, gen1OrHigher, gen2;
        var attempts = 0;
        do
        {
            any = collectionCount(0);
            gen2 = collectionCount(2);
            gen1OrHigher = collectionCount(1);
        }
        while (collectionCount(0) != any && ++attempts < 8);

        return (any - gen1OrHigher, gen1OrHigher - gen2, gen2);
    }

    private sealed class RuntimeSeries
    {
        private const string ProcFileDescriptors = "/proc/self/fd";
        private static readonly string[] Generations = ["gen0", "gen1", "gen2", "loh", "poh"];

        private readonly MirroredCounter _cpu;
        private readonly MirroredCounter _cpuUser;
        private readonly MirroredCounter _cpuSystem;
        private readonly MirroredCounter[] _collections = new MirroredCounter[3];
        private readonly MirroredCounter _pause;
        private readonly MirroredCounter _allocated;
        private readonly MirroredCounter _workItems;
        private readonly MirroredCounter _lockContentions;
        private readonly MirroredCounter _jitMethods;
        private readonly MirroredCounter _jitTime;
        private readonly Gauge _residentMemory;
        private readonly Gauge? _openFileDescriptors;
        private readonly GaugeChild[] _heapSizes = new GaugeChild[Generations.Length];
        private readonly Gauge _committed;
        private readonly Gauge _threads;
        private readonly Gauge _queueLength;

        public RuntimeSeries(MetricRegistry registry)
        {
            _cpu = new(registry.CreateCounter("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.").WithLabels());
            var cpuTime = registry.CreateCounter("dotnet_process_cpu_time_seconds_total", "CPU time used by the process, by mode.", "cpu_mode");
            _cpuUser = new(cpuTime.WithLabels("user"));
            _cpuSystem = new(cpuTime.WithLabels("system"));
            _residentMemory = registry.CreateGauge("process_resident_memory_bytes", "Resident memory size in bytes.");
            using (var process = Process.GetCurrentProcess())
            {
                registry.CreateGauge("process_start_time_seconds", "Start time of the process since unix epoch in seconds.")
                    .Set(new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000d);
            }

            if (Directory.Exists(ProcFileDescriptors))
            {
                _openFileDescriptors = registry.CreateGauge("process_open_fds", "Number of open file descriptors.");
                if (MaxOpenFiles() is { } limit)
                {
                    registry.CreateGauge("process_max_fds", "Maximum number of open file descriptors.").Set(limit);
                }
            }

            registry.CreateGauge("dotnet_process_cpus", "The number of processors available to the process.").Set(Environment.ProcessorCount);
            registry.CreateGauge("dotnet_runtime_info",
                    "The .NET runtime's version, its garbage collector's mode and whether that adapts its heap count and budgets (DATAS); always 1.",
                    "version", "gc_mode", "gc_dynamic_adaptation")
                .WithLabels(Environment.Version.ToString(), GCSettings.IsServerGC ? "server" : "workstation", DynamicAdaptation()).Set(1);

            var collections = registry.CreateCounter("dotnet_gc_collections_total",
                "Garbage collections since the process started, by the highest generation collected.", "gc_heap_generation");
            for (var generation = 0; generation < _collections.Length; generation++)
            {
                _collections[generation] = new(collections.WithLabels(Generations[generation]));
            }

            _pause = new(registry.CreateCounter("dotnet_gc_pause_time_seconds_total", "Time the process was paused in garbage collections.").WithLabels());
            _allocated = new(registry.CreateCounter("dotnet_gc_heap_total_allocated_bytes_total", "Bytes allocated on the managed heap since the process started (approximate).").WithLabels());
            var heapSize = registry.CreateGauge("dotnet_gc_last_collection_heap_size_bytes",
                "Managed heap size by generation, as the last garbage collection left it.", "gc_heap_generation");
            for (var generation = 0; generation < Generations.Length; generation++)
            {
                _heapSizes[generation] = heapSize.WithLabels(Generations[generation]);
            }

            _committed = registry.CreateGauge("dotnet_gc_last_collection_memory_committed_size_bytes", "Memory the garbage collector had committed at its last collection.");
            _threads = registry.CreateGauge("dotnet_thread_pool_threads", "Thread-pool threads that exist now.");
            _queueLength = registry.CreateGauge("dotnet_thread_pool_queue_length", "Work items queued to the thread pool and not yet started.");
            _workItems = new(registry.CreateCounter("dotnet_thread_pool_work_item_count_total", "Work items the thread pool has completed.").WithLabels());
            _lockContentions = new(registry.CreateCounter("dotnet_monitor_lock_contentions_total", "Times a thread waited to take a contended lock.").WithLabels());
            _jitMethods = new(registry.CreateCounter("dotnet_jit_compiled_methods_total", "Methods the JIT has compiled, recompilations included.").WithLabels());
            _jitTime = new(registry.CreateCounter("dotnet_jit_compilation_time_seconds_total", "Time the JIT has spent compiling.").WithLabels());
        }

        // Scrapes may run at once: every series is either set or raised by a compare-and-swap.
        public void Collect()
        {
            var cpu = Environment.CpuUsage;
            _cpu.RaiseTo(cpu.TotalTime.TotalSeconds);
            _cpuUser.RaiseTo(cpu.UserTime.TotalSeconds);
            _cpuSystem.RaiseTo(cpu.PrivilegedTime.TotalSeconds);
            _residentMemory.Set(Environment.WorkingSet);
            _openFileDescriptors?.Set(CountOpenFiles());

            var (gen0, gen1, gen2) = CollectionsByHighestGeneration(GC.CollectionCount);
            _collections[0].RaiseTo(gen0);
            _collections[1].RaiseTo(gen1);
            _collections[2].RaiseTo(gen2);
            _pause.RaiseTo(GC.GetTotalPauseDuration().TotalSeconds);
            _allocated.RaiseTo(GC.GetTotalAllocatedBytes());
            var info = GC.GetGCMemoryInfo();
            var generations = info.GenerationInfo;
            for (var generation = 0; generation < _heapSizes.Length && generation < generations.Length; generation++)
            {
                _heapSizes[generation].Set(generations[generation].SizeAfterBytes);
            }

            _committed.Set(info.TotalCommittedBytes);
            _threads.Set(ThreadPool.ThreadCount);
            _queueLength.Set(ThreadPool.PendingWorkItemCount);
            _workItems.RaiseTo(ThreadPool.CompletedWorkItemCount);
            _lockContentions.RaiseTo(Monitor.LockContentionCount);
            _jitMethods.RaiseTo(System.Runtime.JitInfo.GetCompiledMethodCount());
            _jitTime.RaiseTo(System.Runtime.JitInfo.GetCompilationTime().TotalSeconds);
        }

        // As the GC itself resolved it from runtimeconfig.json and DOTNET_GCDynamicAdaptationMode; it
        // applies to the server GC only.
        private static string DynamicAdaptation() =>
            GCSettings.IsServerGC
            && GC.GetConfigurationVariables().TryGetValue("GCDynamicAdaptationMode", out var mode)
            && Convert.ToInt64(mode, System.Globalization.CultureInfo.InvariantCulture) == 1 ? "on" : "off";

        private static int CountOpenFiles()
        {
            var count = 0;
            try
            {
                foreach (var _ in Directory.EnumerateFileSystemEntries(ProcFileDescriptors))
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // A descriptor closed while listed; the count so far is as good as any.
            }

            // The listing's own descriptor is among them.
            return Math.Max(0, count - 1);
        }

        // "Max open files            1024                 1048576              files" in /proc/self/limits.
        private static double? MaxOpenFiles()
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/self/limits"))
                {
                    if (!line.StartsWith("Max open files", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var soft = line.AsSpan("Max open files".Length).TrimStart();
                    var end = soft.IndexOf(' ');
                    soft = end < 0 ? soft : soft[..end];
                    return soft.SequenceEqual("unlimited") ? double.PositiveInfinity
                        : double.TryParse(soft, System.Globalization.CultureInfo.InvariantCulture, out var limit) ? limit : null;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }

            return null;
        }
    }
}
