using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Loading;

/// Several versions side by side: <c>id</c> resolves the newest, <c>id@version</c> pins one.
public class RuleSetCatalogUnitTests
{
    private static string Version(string version, int threshold) =>
        RuleFiles.Demo.Replace("version: \"1.0\"", $"version: \"{version}\"", StringComparison.Ordinal)
            .Replace("high: 100}", $"high: {threshold}}}", StringComparison.Ordinal);

    private static Application App(string spec, double devices)
    {
        var app = new Application { RuleSet = spec };
        app.Flags["ok"] = true;
        app.Figures["devices"] = devices;
        app.Items.AddRange(["g.a", "g.b"]);
        return app;
    }

    [Fact]
    public void TwoVersions_IdResolvesNewest_IdAtVersionPins()
    {
        // 1.10 is newer than 1.9 (numeric, not ordinal, ordering).
        var catalog = RuleSetCatalog.Create([RuleFiles.Compile(Version("1.10", 200)), RuleFiles.Compile(Version("1.9", 100))]);

        Assert.True(catalog.TryResolve("demo", out var newest, out _));
        Assert.Equal("1.10", newest.Version);
        Assert.True(catalog.TryResolve("demo@1.9", out var pinned, out _));
        Assert.Equal("1.9", pinned.Version);
        Assert.NotEqual(newest.Digest, pinned.Digest);

        var byNewest = catalog.Score(App("demo", 150));
        var byPinned = catalog.Score(App("demo@1.9", 150));
        Assert.Equal("low", byNewest.Result!.Level);
        Assert.Equal("1.10", byNewest.Result.Version);
        Assert.Equal("high", byPinned.Result!.Level);
        Assert.Equal("1.9", byPinned.Result.Version);
    }

    [Fact]
    public void UnknownVersion_ListsTheLoadedVersions()
    {
        var catalog = RuleSetCatalog.Create([RuleFiles.Compile(Version("1.0", 100)), RuleFiles.Compile(Version("2.0", 100))]);

        Assert.False(catalog.TryResolve("demo@9.9", out _, out var error));

        Assert.Equal(ScoringErrorCodes.NotFound, error!.Code);
        Assert.Contains("1.0, 2.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SameIdAndVersionTwice_IsALoadError()
    {
        var e = Assert.Throws<RuleSetLoadException>(() =>
            RuleSetCatalog.Create([RuleFiles.Compile(RuleFiles.Demo, "a.yaml"), RuleFiles.Compile(RuleFiles.Demo, "b.yaml")]));

        Assert.Contains("demo@1.0", e.Message, StringComparison.Ordinal);
        Assert.Contains("a.yaml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDirectory_LoadsEveryYamlFile_AndABrokenFileFailsTheLoadNamingIt()
    {
        var dir = Directory.CreateTempSubdirectory("sg-rulesets-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "demo-1.yaml"), Version("1.0", 100));
            File.WriteAllText(Path.Combine(dir.FullName, "demo-2.yml"), Version("2.0", 100));
            File.WriteAllText(Path.Combine(dir.FullName, "README.md"), "not a rule file");

            var catalog = RuleSetCatalog.LoadDirectory(dir.FullName);
            Assert.Equal(["demo@1.0", "demo@2.0"], catalog.RuleSets.Select(r => r.Key));

            File.WriteAllText(Path.Combine(dir.FullName, "zz-broken.yaml"), RuleFiles.Demo.Replace("version: \"1.0\"", "version: \"3.0\"\ncolour: red", StringComparison.Ordinal));
            var e = Assert.Throws<RuleSetLoadException>(() => RuleSetCatalog.LoadDirectory(dir.FullName));
            Assert.Equal("zz-broken.yaml", e.File);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ShippedAndANewVersion_SideBySide()
    {
        var next = Shipped.RuleFileText("js-star-2019").Replace("version: \"2019.1\"", "version: \"2019.2\"", StringComparison.Ordinal)
            .Replace("ge: 10000}", "ge: 20000}", StringComparison.Ordinal);
        var catalog = RuleSetCatalog.Create([.. Shipped.Catalog.RuleSets, RuleSetCatalog.Compile("js-star-2019-v2.yaml", next)]);
        var app = new JsStar2019Rulebook().Minimal("3-star").Build();

        Assert.Equal("", catalog.Score(app).Result!.Level);
        Assert.Equal("2019.2", catalog.Score(app).Result!.Version);
        app.RuleSet = "js-star-2019@2019.1";
        Assert.Equal("3-star", catalog.Score(app).Result!.Level);
    }
}
