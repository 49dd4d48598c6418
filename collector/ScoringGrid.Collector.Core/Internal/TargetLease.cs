using StackExchange.Redis;

namespace ScoringGrid.Collector.Internal;

// What this collector knows about its lease on one target. Redis operations on it are serialised
// by Operation (so a release cannot cross a renewal in flight); the fields are read by the scrape
// path under _gate. Validity is measured on the monotonic clock from before the renewal was sent:
// Redis starts the TTL later than that, so the local view never outlives the Redis one.
internal sealed class TargetLease(string platformId, TimeProvider time)
{
    private readonly Lock _gate = new();
    private bool _held;
    private long _validUntil;
    private DateTimeOffset? _ownedSince;
    private DateTimeOffset _coveredSlot = DateTimeOffset.MinValue;
    private DateTimeOffset _noHandoverUntil = DateTimeOffset.MinValue;
    private bool _scraping;
    private bool _releaseAfterScrape;

    public string PlatformId { get; } = platformId;

    public RedisKey Key { get; } = RedisKeys.Lease(platformId);

    public SemaphoreSlim Operation { get; } = new(1, 1);

    public TimeSpan Interval { get; set; }

    public bool Held
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    // Held and not yet past its local end (the gauge and tests; the scrape path uses MayFetch).
    public bool IsValid()
    {
        lock (_gate)
        {
            return _held && time.GetTimestamp() < _validUntil;
        }
    }

    // Whether the last renewal already covers `slot` (then the Late point has nothing to do).
    public bool Covers(DateTimeOffset slot)
    {
        lock (_gate)
        {
            return _held && _coveredSlot >= slot;
        }
    }

    public DateTimeOffset NoHandoverUntil
    {
        get
        {
            lock (_gate)
            {
                return _noHandoverUntil;
            }
        }
    }

    // Records a successful acquire or renewal; `sent` is the monotonic timestamp taken before the call,
    // `fresh` whether Redis had no lease (SET NX). Returns whether this is an acquisition from this
    // collector's point of view: it did not count on the lease before.
    public bool Confirm(long sent, TimeSpan ttl, DateTimeOffset now, DateTimeOffset coveredSlot, bool fresh)
    {
        lock (_gate)
        {
            var acquired = !_held || time.GetTimestamp() >= _validUntil;

            // A renewal that found the key still naming this collector proves nobody else held the
            // lease since it was last set, even if the renewal came too late for the local view (a
            // stall): slots since then were nobody else's, so ownership continues.
            if (fresh || _ownedSince is null)
            {
                _ownedSince = now;
            }

            _held = true;
            _validUntil = sent + (long)(ttl.TotalSeconds * time.TimestampFrequency);
            _coveredSlot = coveredSlot;
            return acquired;
        }
    }

    // Drops the lease locally; returns whether it was held. After a lapse (`lapsed`: not renewed in
    // time) Redis may still hold it for this collector, which the next renewal then learns.
    public bool Drop(bool lapsed = false, DateTimeOffset? noHandoverUntil = null)
    {
        lock (_gate)
        {
            var was = _held;
            _held = false;
            _validUntil = 0;
            _releaseAfterScrape = false;
            if (!lapsed)
            {
                _ownedSince = null;
            }

            if (noHandoverUntil is { } until)
            {
                _noHandoverUntil = until;
            }

            return was;
        }
    }

    // Held but past its local end without a renewal: no longer safe to scrape.
    public bool HasLapsed()
    {
        lock (_gate)
        {
            return _held && time.GetTimestamp() >= _validUntil;
        }
    }

    // The scrape loop asks before a scrape of slot `due`: the lease must have been ours at the
    // slot's time (no second scrape of a slot another owner had) and stay valid for the margin.
    public bool TryBeginScrape(DateTimeOffset due)
    {
        lock (_gate)
        {
            if (!_held || _ownedSince is not { } since || since > due || !ValidForMargin())
            {
                return false;
            }

            _scraping = true;
            return true;
        }
    }

    // Checked again right before the request goes out (waits for the target's gate or a Redis
    // read may have passed since TryBeginScrape).
    public bool MayFetch()
    {
        lock (_gate)
        {
            return _held && ValidForMargin();
        }
    }

    // Returns whether a handover asked for while the scrape ran is now due.
    public bool EndScrape()
    {
        lock (_gate)
        {
            _scraping = false;
            var release = _releaseAfterScrape && _held;
            _releaseAfterScrape = false;
            return release;
        }
    }

    // At the Handover point: true to release now; false if a scrape is in flight (EndScrape then says so).
    public bool RequestRelease()
    {
        lock (_gate)
        {
            if (_scraping)
            {
                _releaseAfterScrape = true;
                return false;
            }

            return _held;
        }
    }

    private bool ValidForMargin() =>
        time.GetTimestamp() + (long)(LeaseTiming.ScrapeMargin(Interval).TotalSeconds * time.TimestampFrequency) < _validUntil;
}
