namespace ScoringGrid.Cli.Tests.Commands;

/// Paths in the repository, found upwards from the test assembly.
public static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ScoringGrid.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("ScoringGrid.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string[] Examples => [.. Directory.GetFiles(Path.Combine(Root, "examples"), "*.json").Order(StringComparer.Ordinal)];
}
