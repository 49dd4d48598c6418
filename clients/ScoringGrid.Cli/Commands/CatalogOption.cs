using System.CommandLine;
using ScoringGrid.Scoring;

namespace ScoringGrid.Cli.Commands;

/// <summary><c>--rulesets DIR</c>: score with rule files from a directory instead of the shipped ones.</summary>
internal static class CatalogOption
{
    public static Option<DirectoryInfo> Create() => new Option<DirectoryInfo>("--rulesets")
    {
        Description = "Load rule sets from this directory (*.yaml) instead of the shipped ones",
    }.AcceptExistingOnly();

    /// <summary>The exit code when the rule files cannot be used, as for any other option the parser refuses.</summary>
    public const int UnusableExitCode = 1;

    /// <summary>The catalog, or null after writing why the directory's rule files cannot be used (the file and line at fault).</summary>
    public static RuleSetCatalog? Load(DirectoryInfo? directory, TextWriter error)
    {
        if (directory is null)
        {
            return RuleSetCatalog.LoadShipped();
        }

        try
        {
            return RuleSetCatalog.LoadDirectory(directory.FullName);
        }
        catch (Exception e) when (e is RuleSetLoadException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--rulesets: {e.Message}");
            return null;
        }
    }
}
