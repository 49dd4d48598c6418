using System.Diagnostics;

namespace ScoringGrid.Benchmarks;

/// <summary>
/// The handler (<see cref="HandlerBenchmarks"/>) with warm caches and with cold ones: before every
/// cold call a buffer larger than this machine's L2 is written, roughly what the kernel, Kestrel
/// and the load generator do to the caches between two requests of a loaded server. Each figure
/// is the median over repetitions, beside the parse-only baseline measured in the same repetition.
/// Usage: <c>dotnet run -c Release --project load/ScoringGrid.Benchmarks -- --cold [calls] [repetitions]</c>.
/// </summary>
internal static class ColdCacheRun
{
    private const int EvictBytes = 4 << 20;

    public static void Run(string[] args)
    {
        var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var repetitions = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var evict = new byte[EvictBytes];
        Console.WriteLine($"{calls} calls per figure, {repetitions} repetitions, {EvictBytes >> 20} MiB written before each cold call; µs per call (median), ratio to parse-only in the same repetition");
        Console.WriteLine();
        Console.WriteLine("| view | method | warm µs | cold µs | warm ratio | cold ratio |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var view in new[] { V1.ResultView.Scores, V1.ResultView.Full })
        {
            var handler = new HandlerBenchmarks { View = view };
            handler.Setup();
            (string Name, Func<int> Call)[] methods =
            [
                ("parse only (baseline)", handler.ParseOnly),
                ("read only, into an Application", handler.ReadOnly),
                ("read only, indexed (the server's read)", handler.ReadIndexed),
                ("read, score, write (unary)", handler.ReadScoreWriteUnary),
            ];
            foreach (var (_, call) in methods)
            {
                for (var i = 0; i < 50_000; i++)
                {
                    call();
                }
            }

            var figures = new double[methods.Length, 2, repetitions];
            for (var r = 0; r < repetitions; r++)
            {
                for (var m = 0; m < methods.Length; m++)
                {
                    figures[m, 0, r] = Time(methods[m].Call, calls, null);
                    figures[m, 1, r] = Time(methods[m].Call, calls, evict);
                }
            }

            for (var m = 0; m < methods.Length; m++)
            {
                Console.WriteLine($"| {view} | {methods[m].Name} | {Median(figures, m, 0, r => 1):F2} | {Median(figures, m, 1, r => 1):F2} " +
                    $"| {Median(figures, m, 0, r => figures[0, 0, r]):F2} | {Median(figures, m, 1, r => figures[0, 1, r]):F2} |");
            }
        }
    }

    private static double Time(Func<int> call, int calls, byte[]? evict)
    {
        long ticks = 0;
        for (var i = 0; i < calls; i++)
        {
            if (evict is not null)
            {
                for (var j = 0; j < evict.Length; j += 64)
                {
                    evict[j]++;
                }
            }

            var start = Stopwatch.GetTimestamp();
            call();
            ticks += Stopwatch.GetTimestamp() - start;
        }

        return ticks * 1e6 / Stopwatch.Frequency / calls;
    }

    private static double Median(double[,,] figures, int method, int cold, Func<int, double> divisor)
    {
        var values = new double[figures.GetLength(2)];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = figures[method, cold, r] / divisor(r);
        }

        Array.Sort(values);
        return values[values.Length / 2];
    }
}
