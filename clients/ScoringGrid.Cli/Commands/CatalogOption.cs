using System.CommandLine;
using ScoringGrid.Scoring;

namespace ScoringGrid.Cli.Commands;

/// <summary><c>--rulesets DIR</c>: score with rule files from a directory instead of the shipped ones.</summary>
internal static class CatalogOption
{
    public static Option<DirectoryInfo?> Create() => new("--rulesets")
    {
        Description = "Load rule sets from this directory (*.yaml) instead of the shipped ones",
    };

    public static RuleSetCatalog Load(DirectoryInfo? directory) =>
        directory is null ? RuleSetCatalog.LoadShipped() : RuleSetCatalog.LoadDirectory(directory.FullName);
}
