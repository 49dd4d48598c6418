using System.Globalization;

namespace ScoringGrid.Load.Models;

/// <summary>Open model whose rate moves linearly from stage to stage, like k6's <c>ramping-arrival-rate</c>.</summary>
/// <param name="StartRate">Requests per second at the start of the first stage.</param>
/// <param name="Stages">The stages, in order.</param>
public sealed record RampingArrivalRate(double StartRate, IReadOnlyList<RateStage> Stages) : LoadModel
{
    /// <inheritdoc />
    public override TimeSpan Duration
    {
        get
        {
            var total = TimeSpan.Zero;
            foreach (var s in Stages)
            {
                total += s.Duration;
            }

            return total;
        }
    }

    /// <inheritdoc />
    public override string Describe()
    {
        var parts = new List<string>(Stages.Count);
        foreach (var s in Stages)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Duration.TotalSeconds:0.##}s→{s.TargetRate:0.##}/s"));
        }

        return string.Create(CultureInfo.InvariantCulture, $"ramping arrival rate from {StartRate:0.##}/s: {string.Join(", ", parts)}");
    }

    internal override ArrivalSchedule CreateSchedule() => new(StartRate, Stages);

    internal override double WarmupRate
    {
        get
        {
            if (StartRate > 0)
            {
                return StartRate;
            }

            foreach (var s in Stages)
            {
                if (s.TargetRate > 0)
                {
                    return s.TargetRate;
                }
            }

            return 0;
        }
    }
}
