namespace ScoringGrid.Cli.Lint;

/// <summary>The outcome of linting an endpoint: the scrapes made and what is wrong (empty when clean).</summary>
internal sealed record LintReport(Uri Url, IReadOnlyList<EndpointScrape> Scrapes, IReadOnlyList<LintFinding> Findings, int SamplesSeen)
{
    public bool Clean => Findings.Count == 0;
}
