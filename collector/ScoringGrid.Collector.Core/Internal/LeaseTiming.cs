namespace ScoringGrid.Collector.Internal;

// When collectors touch a target's lease, as fractions of the target's interval I around each
// scrape slot s (ScrapeTiming's slots, so every collector agrees on them):
//
//   s - I/2   Early     the owner renews; the preferred owner (LeaseAssignment) tries to acquire
//   s - I/8   Late      whoever has no lease covering s tries to acquire (fallback, owner's retry)
//   s + I/4   Handover  an owner that is not the preferred owner releases, after its scrape of s
//
// A lease is always set to expire at a fixed phase: 3I/4 after the first slot at or after the
// moment it was taken or renewed (the PX is computed to land there). On the normal cadence that
// is s + 3I/4 = the next slot's Early + I/4 = its Late - I/8. Hence:
//   - the owner renews I/4 before its lease could expire; if that renewal fails, the lease ends
//     before the Late point, where the owner and the others race to take it for the slot;
//   - after a crash, the lease expires at most 1.25 I after the crashed owner's last renewal
//     (made at s - I/2), a survivor takes it at the next Late point and scrapes the next slot:
//     at most 1.5 I after the crash (2 I if the last renewal ran late, past its slot);
//   - an owner starts a scrape only while now + I/4 is before its lease's end, measured from
//     before its last successful renewal was sent, so a scrape starts at least I/4 before anyone
//     else could hold the lease, and never in a slot before the one the lease was taken for.
internal static class LeaseTiming
{
    public static TimeSpan ScrapeMargin(TimeSpan interval) => interval / 4;

    // How long a lease taken or renewed at `now` must live: until 3I/4 after the next slot.
    public static TimeSpan Ttl(DateTimeOffset now, TimeSpan interval, TimeSpan offset) =>
        CoveredSlot(now, interval, offset) + (interval * 3 / 4) - now;

    // The first slot a lease taken at `now` covers.
    public static DateTimeOffset CoveredSlot(DateTimeOffset now, TimeSpan interval, TimeSpan offset) =>
        ScrapeTiming.NextSlot(now, interval, offset);

    // The first lease point strictly after `after`, and the slot it belongs to.
    public static (DateTimeOffset At, LeasePoint Point, DateTimeOffset Slot) NextPoint(DateTimeOffset after, TimeSpan interval, TimeSpan offset)
    {
        var slot = ScrapeTiming.NextSlot(after, interval, offset) - interval;
        for (var i = 0; i < 3; i++, slot += interval)
        {
            if (slot - (interval / 2) > after)
            {
                return (slot - (interval / 2), LeasePoint.Early, slot);
            }

            if (slot - (interval / 8) > after)
            {
                return (slot - (interval / 8), LeasePoint.Late, slot);
            }

            if (slot + (interval / 4) > after)
            {
                return (slot + (interval / 4), LeasePoint.Handover, slot);
            }
        }

        throw new InvalidOperationException("unreachable: a slot's points span its interval");
    }
}
