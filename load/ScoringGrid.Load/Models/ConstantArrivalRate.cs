using System.Globalization;

namespace ScoringGrid.Load.Models;

/// <summary>
/// Open model: <paramref name="RatePerSecond"/> requests are started every second whatever the
/// server does; latency counts from each request's intended start.
/// </summary>
public sealed record ConstantArrivalRate(double RatePerSecond, TimeSpan Duration) : LoadModel
{
    /// <inheritdoc />
    public override TimeSpan Duration { get; } = Duration > TimeSpan.Zero ? Duration : throw new ArgumentOutOfRangeException(nameof(Duration), "duration must be positive");

    /// <summary>Requests per second.</summary>
    public double RatePerSecond { get; } = RatePerSecond > 0 ? RatePerSecond : throw new ArgumentOutOfRangeException(nameof(RatePerSecond), "rate must be positive");

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"constant arrival rate {RatePerSecond:0.##}/s for {Duration.TotalSeconds:0.##} s");

    internal override ArrivalSchedule CreateSchedule() => new(RatePerSecond, [new RateStage(RatePerSecond, Duration)]);

    internal override double WarmupRate => RatePerSecond;
}
