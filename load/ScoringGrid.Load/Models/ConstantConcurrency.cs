using System.Globalization;

namespace ScoringGrid.Load.Models;

/// <summary>
/// Closed model: <paramref name="Concurrency"/> workers each send a request, wait for its answer
/// and send the next. Measures service time and throughput; a slow server is sent fewer requests
/// (coordinated omission by design), so use an arrival-rate model to judge latency.
/// </summary>
public sealed record ConstantConcurrency(int Concurrency, TimeSpan Duration) : LoadModel
{
    /// <summary>Workers.</summary>
    public int Concurrency { get; } = Concurrency > 0 ? Concurrency : throw new ArgumentOutOfRangeException(nameof(Concurrency), "concurrency must be positive");

    /// <inheritdoc />
    public override TimeSpan Duration { get; } = Duration > TimeSpan.Zero ? Duration : throw new ArgumentOutOfRangeException(nameof(Duration), "duration must be positive");

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"constant concurrency {Concurrency} for {Duration.TotalSeconds:0.##} s");

    internal override ArrivalSchedule? CreateSchedule() => null;
}
