using System.Text;
using System.Text.Json;
using ScoringGrid.Cli.Commands;
using ScoringGrid.Scoring;

namespace ScoringGrid.Cli.Tests.Commands;

/// <c>sg score</c> in process: one JSON line per input in order, errors on their line, exit 0/2, <c>-</c> reads JSON Lines.
public class ScoreCommandUnitTests
{
    private static readonly RuleSetCatalog Catalog = RuleSetCatalog.LoadShipped();

    private static (int ExitCode, JsonElement[] Lines) Run(IEnumerable<string> inputs, string stdin = "")
    {
        using var output = new MemoryStream();
        var exit = ScoreCommand.Run(Catalog, inputs, new StringReader(stdin), output);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var lines = text.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        return (exit, lines);
    }

    [Fact]
    public void Examples_OneResultLinePerFileInOrder_ExitZero()
    {
        var files = Repository.Examples;

        var (exit, lines) = Run(files);

        Assert.Equal(0, exit);
        Assert.Equal(files.Length, lines.Length);
        for (var i = 0; i < files.Length; i++)
        {
            Assert.StartsWith(lines[i].GetProperty("rule_set").GetString()!, Path.GetFileName(files[i]), StringComparison.Ordinal);
            Assert.Matches("^[0-9a-f]{64}$", lines[i].GetProperty("digest").GetString()!);
        }
    }

    [Fact]
    public void BadApplication_PrintsItsErrorOnItsLine_OthersAreStillScored_ExitTwo()
    {
        var dir = Directory.CreateTempSubdirectory("sg-cli-");
        try
        {
            var bad = Path.Combine(dir.FullName, "bad.json");
            File.WriteAllText(bad, """{"id": "bad-1", "ruleset": "js-star-2019", "figures": {"x": 1}}""");
            var malformed = Path.Combine(dir.FullName, "malformed.json");
            File.WriteAllText(malformed, """{"id": """);
            var examples = Repository.Examples;

            var (exit, lines) = Run([examples[0], bad, examples[1], malformed, Path.Combine(dir.FullName, "missing.json"), examples[2]]);

            Assert.Equal(2, exit);
            Assert.Equal(6, lines.Length);
            Assert.True(lines[0].TryGetProperty("rule_set", out _));
            var error = lines[1].GetProperty("error");
            Assert.Equal("bad-1", lines[1].GetProperty("application_id").GetString());
            Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
            Assert.Equal("figures.x", error.GetProperty("field").GetString());
            Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
            Assert.True(lines[2].TryGetProperty("rule_set", out _));
            Assert.Equal("INVALID_ARGUMENT", lines[3].GetProperty("error").GetProperty("code").GetString());
            Assert.Equal("NOT_FOUND", lines[4].GetProperty("error").GetProperty("code").GetString());
            Assert.True(lines[5].TryGetProperty("rule_set", out _));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Dash_ReadsJsonLinesFromStdin_SkippingBlankLines()
    {
        var jsonl = string.Join('\n',
            """{"id": "s1", "ruleset": "js-star-2019", "applicant": {"province": "jiangsu"}, "deployment": "public", "items": ["app.design.rd_app", "app.production.mes"], "figures": {"annual_cloud_investment_yuan": 10000}, "flags": {"registered_in_province": true, "independent_legal_person": true}}""",
            "",
            """{"id": "s2", "ruleset": "js-star-2019@9.9"}""",
            """{"id": "s3", "ruleset": "js-star-2019"}""") + "\n";

        var (exit, lines) = Run(["-"], jsonl);

        Assert.Equal(2, exit);
        Assert.Equal(3, lines.Length);
        Assert.Equal("3-star", lines[0].GetProperty("level").GetString());
        Assert.Equal("s1", lines[0].GetProperty("application_id").GetString());
        Assert.Equal("NOT_FOUND", lines[1].GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("s2", lines[1].GetProperty("application_id").GetString());
        Assert.Equal("", lines[2].GetProperty("level").GetString());
    }

    [Fact]
    public void FilesAndStdin_Interleave_InArgumentOrder()
    {
        var examples = Repository.Examples;
        var stdin = """{"id": "from-stdin", "ruleset": "hb-benchmark-2018"}""" + "\n";

        var (exit, lines) = Run([examples[0], "-", examples[1]], stdin);

        Assert.Equal(0, exit);
        Assert.Equal(["hb2018-0001", "from-stdin", "bf2019-0001"], lines.Select(l => l.GetProperty("application_id").GetString()));
    }
}
