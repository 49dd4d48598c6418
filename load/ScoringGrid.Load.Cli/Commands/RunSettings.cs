using System.CommandLine;
using System.Globalization;
using ScoringGrid.Load.Running;

namespace ScoringGrid.Load.Cli.Commands;

/// <summary>Bounds, warm-up, progress and report files, shared by <c>run</c> and <c>capacity</c>.</summary>
internal sealed class RunSettings
{
    public Option<string> Warmup { get; } = new("--warmup") { Description = "Load before measuring, excluded from results (e.g. 5s)", DefaultValueFactory = static _ => "0s" };

    public Option<int> MaxInFlight { get; } = new("--max-in-flight") { Description = "Open model: most requests awaiting an answer; later starts are counted as dropped", DefaultValueFactory = static _ => 1000 };

    public Option<long> MaxRequests { get; } = new("--max-requests") { Description = "Stop issuing after this many requests (warm-up included)", DefaultValueFactory = static _ => 1_000_000 };

    public Option<string> MaxDuration { get; } = new("--max-duration") { Description = "Hard bound on the run's length (warm-up included)", DefaultValueFactory = static _ => "10m" };

    public Option<string> Timeout { get; } = new("--timeout") { Description = "A request unanswered this long fails as 'timeout'", DefaultValueFactory = static _ => "10s" };

    public Option<bool> Progress { get; } = new("--progress") { Description = "Show the live progress line on stderr even when it is not a terminal" };

    public Option<string?> Json { get; } = new("--json") { Description = "Write the JSON report to this file ('-' for stdout instead of the summary)" };

    public Option<string?> Html { get; } = new("--html") { Description = "Write the self-contained HTML report to this file" };

    public void AddTo(Command command)
    {
        command.Options.Add(Warmup);
        command.Options.Add(MaxInFlight);
        command.Options.Add(MaxRequests);
        command.Options.Add(MaxDuration);
        command.Options.Add(Timeout);
        command.Options.Add(Progress);
        command.Options.Add(Json);
        command.Options.Add(Html);
    }

    public RunOptions Create(ParseResult result) => new()
    {
        Warmup = DurationText.ParseDuration(result.GetValue(Warmup)!, "--warmup"),
        MaxInFlight = Positive(result.GetValue(MaxInFlight), "--max-in-flight"),
        MaxRequests = Positive(result.GetValue(MaxRequests), "--max-requests"),
        MaxDuration = PositiveDuration(result.GetValue(MaxDuration)!, "--max-duration"),
        RequestTimeout = PositiveDuration(result.GetValue(Timeout)!, "--timeout"),
    };

    public ProgressLine? CreateProgress(ParseResult result) =>
        result.GetValue(Progress) || !Console.IsErrorRedirected ? new ProgressLine(result.InvocationConfiguration.Error) : null;

    public static TimeSpan PositiveDuration(string text, string option)
    {
        var d = DurationText.ParseDuration(text, option);
        return d > TimeSpan.Zero ? d : throw new ArgumentException($"{option}: must be positive");
    }

    public static T Positive<T>(T value, string option)
        where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{option}: must be positive, got {value}"));

    public static double Rate(string text, string option) =>
        double.TryParse(text.Replace("/s", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0
            ? r
            : throw new ArgumentException($"{option}: '{text}' is not a positive rate per second");
}
