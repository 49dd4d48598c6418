namespace ScoringGrid.Cli.Lint;

/// <summary>Something wrong with a vendor's endpoint.</summary>
/// <param name="Subject">What it is about: a metric name, <c>http</c>, <c>body</c>, <c>content-type</c>.</param>
/// <param name="Message">What is wrong and what the spec wants instead.</param>
internal sealed record LintFinding(string Subject, string Message);
