namespace ScoringGrid.Load.Models;

/// <summary>
/// The intended start times of an open model. The rate r(t) is piecewise linear; arrival j
/// (0-based) is intended at the t where the integral of r from 0 to t equals j, so the first
/// request starts at 0 and a stage with rates r0→r1 over D holds (r0+r1)/2·D arrivals.
/// </summary>
internal sealed class ArrivalSchedule
{
    private readonly double _startRate;
    private readonly IReadOnlyList<RateStage> _stages;
    private int _stage;
    private double _stageStartSeconds;
    private double _stageStartArrivals;
    private long _next;

    public ArrivalSchedule(double startRate, IReadOnlyList<RateStage> stages)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startRate);
        ArgumentNullException.ThrowIfNull(stages);
        _startRate = startRate;
        _stages = stages;
    }

    /// <summary>The total length of the schedule.</summary>
    public double TotalSeconds
    {
        get
        {
            var total = 0.0;
            foreach (var s in _stages)
            {
                total += s.Duration.TotalSeconds;
            }

            return total;
        }
    }

    /// <summary>The offset in seconds of the next intended start, or <see langword="false"/> when the schedule is over.</summary>
    public bool TryNext(out double seconds)
    {
        while (_stage < _stages.Count)
        {
            var stage = _stages[_stage];
            var r0 = _stage == 0 ? _startRate : _stages[_stage - 1].TargetRate;
            var r1 = stage.TargetRate;
            var d = stage.Duration.TotalSeconds;
            var inStage = _next - _stageStartArrivals;     // arrivals needed inside this stage
            var capacity = (r0 + r1) / 2 * d;
            if (inStage < capacity - 1e-9)
            {
                var a = (r1 - r0) / d;
                var t = Math.Abs(a) < 1e-12
                    ? inStage / r0
                    : (-r0 + Math.Sqrt(Math.Max(0, (r0 * r0) + (2 * a * inStage)))) / a;
                seconds = _stageStartSeconds + Math.Clamp(t, 0, d);
                _next++;
                return true;
            }

            _stageStartSeconds += d;
            _stageStartArrivals += capacity;
            _stage++;
        }

        seconds = 0;
        return false;
    }
}
