namespace ScoringGrid.Load.Models;

/// <summary>One stage of a ramping arrival rate: the rate moves linearly to <paramref name="TargetRate"/> over <paramref name="Duration"/>.</summary>
/// <param name="TargetRate">Requests per second at the end of the stage.</param>
/// <param name="Duration">How long the stage lasts.</param>
public sealed record RateStage(double TargetRate, TimeSpan Duration)
{
    /// <summary>Parses <c>DURATION:RATE</c> items separated by commas, e.g. <c>10s:100,30s:100,10s:0</c> (k6 <c>stages</c> order).</summary>
    public static IReadOnlyList<RateStage> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stages = new List<RateStage>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !DurationText.TryParseDuration(item[..colon], out var duration)
                || !double.TryParse(item[(colon + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rate)
                || rate < 0 || duration <= TimeSpan.Zero)
            {
                throw new FormatException($"stages: '{item}' is not DURATION:RATE (e.g. 30s:200) with a positive duration and a rate ≥ 0");
            }

            stages.Add(new RateStage(rate, duration));
        }

        return stages.Count > 0 ? stages : throw new FormatException("stages: at least one DURATION:RATE stage is needed");
    }
}
