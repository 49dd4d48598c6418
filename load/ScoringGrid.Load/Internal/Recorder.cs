using ScoringGrid.Load.Histograms;
using ScoringGrid.Load.Reports;
using ScoringGrid.Load.Running;
using ScoringGrid.Load.Targets;

namespace ScoringGrid.Load.Internal;

/// <summary>
/// Collects outcomes from concurrent requests. A lock keeps it simple and exact: at the rates a
/// 2-core loopback test reaches, one short critical section per request costs far less than the
/// request itself. Memory is fixed apart from one small <see cref="IntervalSample"/> per second.
/// </summary>
internal sealed class Recorder
{
    private readonly Lock _gate = new();
    private readonly long _measureStart;
    private readonly double _frequency;
    private readonly LatencyHistogram _latency = new();
    private readonly LatencyHistogram _service = new();
    private readonly LatencyHistogram _interval = new();
    private readonly SortedDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly List<IntervalSample> _intervals = [];
    private int _currentSecond;
    private long _intervalOk;
    private long _intervalFailed;
    private long _intervalDropped;
    private long _lastCompletion;
    private long _prevCompletedForRate;

    public Recorder(long measureStartTimestamp, long timestampFrequency)
    {
        _measureStart = measureStartTimestamp;
        _frequency = timestampFrequency;
        _lastCompletion = measureStartTimestamp;
    }

    public long WarmupRequests { get; private set; }

    public long Issued { get; private set; }

    public long Succeeded { get; private set; }

    public long Failed { get; private set; }

    public long Dropped { get; private set; }

    public long LastCompletion
    {
        get
        {
            lock (_gate)
            {
                return _lastCompletion;
            }
        }
    }

    public void Issue(long intended)
    {
        lock (_gate)
        {
            if (intended < _measureStart)
            {
                WarmupRequests++;
            }
            else
            {
                Issued++;
            }
        }
    }

    public void Drop(long intended)
    {
        lock (_gate)
        {
            if (intended < _measureStart)
            {
                return; // a warm-up drop, excluded like every warm-up figure
            }

            Dropped++;
            Advance(intended);
            _intervalDropped++;
        }
    }

    public void Complete(long intended, long sent, long completed, in RequestOutcome outcome)
    {
        if (intended < _measureStart)
        {
            return;
        }

        var latency = Nanoseconds(completed - intended);
        var service = Nanoseconds(completed - sent);
        lock (_gate)
        {
            Advance(completed);
            _lastCompletion = Math.Max(_lastCompletion, completed);
            if (outcome.IsSuccess)
            {
                Succeeded++;
                _intervalOk++;
                _latency.Record(latency);
                _service.Record(service);
                _interval.Record(latency);
            }
            else
            {
                Failed++;
                _intervalFailed++;
                _errors[outcome.ErrorKind!] = _errors.GetValueOrDefault(outcome.ErrorKind!) + 1;
            }
        }
    }

    public ProgressSnapshot Snapshot(TimeSpan elapsed, TimeSpan total, bool warmingUp, long issuedAll, int inFlight, TimeSpan sinceLast)
    {
        lock (_gate)
        {
            var completed = Succeeded + Failed;
            var rate = sinceLast > TimeSpan.Zero ? (completed - _prevCompletedForRate) / sinceLast.TotalSeconds : 0;
            _prevCompletedForRate = completed;
            return new ProgressSnapshot(elapsed, total, warmingUp, issuedAll, Succeeded, Failed, Dropped, inFlight, rate, _latency.ValueAtPercentile(95) / 1e6);
        }
    }

    public (LatencyHistogram Latency, LatencyHistogram Service, SortedDictionary<string, long> Errors, List<IntervalSample> Intervals) Finish()
    {
        lock (_gate)
        {
            if (_intervalOk + _intervalFailed + _intervalDropped > 0)
            {
                CloseInterval();
            }

            return (_latency, _service, new SortedDictionary<string, long>(_errors, StringComparer.Ordinal), [.. _intervals]);
        }
    }

    private void Advance(long timestamp)
    {
        var second = (int)Math.Max(0, (timestamp - _measureStart) / _frequency);
        while (second > _currentSecond)
        {
            CloseInterval();
            _currentSecond++;
        }
    }

    private void CloseInterval()
    {
        _intervals.Add(new IntervalSample(_currentSecond, _intervalOk, _intervalFailed, _intervalDropped,
            _interval.ValueAtPercentile(50) / 1e6, _interval.ValueAtPercentile(95) / 1e6, _interval.ValueAtPercentile(99) / 1e6, _interval.Max / 1e6));
        _interval.Reset();
        _intervalOk = _intervalFailed = _intervalDropped = 0;
    }

    private long Nanoseconds(long ticks) => (long)(ticks * (1e9 / _frequency));
}
