namespace ScoringGrid.Prometheus.Internal;

/// <summary>
/// A counter that follows a total kept elsewhere (the runtime's CPU time, its GC counts), raised by
/// what the total gained since it was last seen. Each gain is claimed by one compare-and-swap, so
/// scrapes running at once add it once; a total below the last one seen (sources read together
/// are not one snapshot) is ignored until the source passes it again: the counter never goes down.
/// </summary>
internal sealed class MirroredCounter(CounterChild child)
{
    private double _last;

    public void RaiseTo(double total)
    {
        var last = Volatile.Read(ref _last);
        while (total > last)
        {
            var seen = Interlocked.CompareExchange(ref _last, total, last);
            if (seen == last)
            {
                child.Inc(total - last);
                return;
            }

            last = seen;
        }
    }
}
