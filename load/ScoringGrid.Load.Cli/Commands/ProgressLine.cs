using System.Globalization;
using ScoringGrid.Load.Running;

namespace ScoringGrid.Load.Cli.Commands;

/// <summary>One line on stderr, rewritten in place about once a second while a run goes.</summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<ProgressSnapshot>
{
    private int _width;

    public string? Prefix { get; set; }

    public void Report(ProgressSnapshot s)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Prefix}{(s.WarmingUp ? "warm-up " : "")}{s.Elapsed.TotalSeconds,5:0}/{s.Total.TotalSeconds:0} s  issued {s.Issued}  ok {s.Succeeded}  failed {s.Failed}  dropped {s.Dropped}  in flight {s.InFlight}  {s.RecentRps:0}/s  p95 {s.P95Milliseconds:0.#}ms");
        _width = Math.Max(_width, line.Length);
        error.Write("\r" + line.PadRight(_width));
        error.Flush();
    }

    public void Clear()
    {
        if (_width > 0)
        {
            error.Write("\r" + new string(' ', _width) + "\r");
            error.Flush();
            _width = 0;
        }
    }
}
