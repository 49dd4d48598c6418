using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring;

namespace ScoringGrid.Server.Tests.Scoring;

/// <summary>
/// One format everywhere: the document `sg score` reads, parsed as proto3 JSON into
/// <c>scoringgrid.v1.Application</c> and mapped to the core, scores exactly like the core's own parser.
/// </summary>
public sealed class OneFormatUnitTests
{
    public static TheoryData<string> Files => new(Examples.Files.Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void ProtoJsonAndCoreJson_ScoreIdentically(string file)
    {
        var text = File.ReadAllText(Path.Combine(Examples.Directory, file));
        var catalog = RuleSetCatalog.LoadShipped();

        var viaCore = ApplicationJson.Parse(text, out var coreError);
        var viaProto = ApplicationMapping.ToCore(Examples.ParseMessage(text), out var protoError);

        Assert.Null(coreError);
        Assert.Null(protoError);
        Assert.Equal(ScoreResultJson.ToJson(catalog.Score(viaCore!).Result!), ScoreResultJson.ToJson(catalog.Score(viaProto!).Result!));
    }
}
