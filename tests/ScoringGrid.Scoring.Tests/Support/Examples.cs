namespace ScoringGrid.Scoring.Tests.Support;

/// The sample applications in examples/.
public static class Examples
{
    public static string Directory => Path.Combine(Shipped.RepositoryRoot(), "examples");

    public static string[] Files => [.. System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal)];

    public static Application Load(string fileName)
    {
        var app = ApplicationJson.Parse(File.ReadAllBytes(Path.Combine(Directory, fileName)), out var error);
        Assert.True(app is not null, error?.Message);
        return app;
    }
}
