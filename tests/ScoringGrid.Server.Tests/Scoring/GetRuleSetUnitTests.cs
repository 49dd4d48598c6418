using Google.Protobuf;
using ScoringGrid.Common;
using ScoringGrid.Scoring;
using ScoringGrid.Server.RuleSets;
using ScoringGrid.Server.Scoring;
using ScoringGrid.Server.Security;
using ScoringGrid.Server.Tests.Scoring.Wire;

namespace ScoringGrid.Server.Tests.Scoring;

/// <summary>GetRuleSet's message is built once per compiled rule set and shared; a reload and the tenant check still hold.</summary>
public sealed class GetRuleSetUnitTests
{
    private static readonly CallerIdentity JiangsuPortal = new("portal-js", ApiScope.Score, "jiangsu", null);
    private static readonly CallerIdentity HebeiPortal = new("portal-hb", ApiScope.Score, "hebei", null);

    [Fact]
    public void TheSameRuleSet_IsAnsweredWithOneMessage_EqualToAFreshlyBuiltOne()
    {
        var operations = ResponsePaths.Operations(RuleSetCatalog.LoadShipped());

        var first = operations.GetRuleSet("js-star-2019", JiangsuPortal, out var error);
        Assert.Null(error);
        var again = operations.GetRuleSet("js-star-2019", CallerIdentity.Anonymous, out _);

        Assert.Same(first, again);
        operations.Catalog.TryResolve("js-star-2019", out var compiled, out _);
        Assert.Equal(RuleSetMessages.Full(compiled!).ToByteArray(), first!.ToByteArray());
    }

    [Fact]
    public void AReload_AnswersFromTheNewRuleSets()
    {
        var provider = new RuleSetProvider(RuleSetCatalog.LoadShipped());
        var operations = ResponsePaths.Operations(provider);
        var before = operations.GetRuleSet("hb-benchmark-2018", HebeiPortal, out _);

        provider.Swap(RuleSetCatalog.LoadShipped());
        var after = operations.GetRuleSet("hb-benchmark-2018", HebeiPortal, out _);

        Assert.NotSame(before, after);
        operations.Catalog.TryResolve("hb-benchmark-2018", out var compiled, out _);
        Assert.Equal(RuleSetMessages.Full(compiled!).ToByteArray(), after!.ToByteArray());
    }

    [Fact]
    public void AnotherProvince_IsStillRefused_AfterTheMessageWasBuilt()
    {
        var operations = ResponsePaths.Operations(RuleSetCatalog.LoadShipped());
        Assert.NotNull(operations.GetRuleSet("js-star-2019", JiangsuPortal, out _));

        Assert.Null(operations.GetRuleSet("js-star-2019", HebeiPortal, out var error));
        Assert.Equal(StatusNames.PermissionDenied, error!.Code);
    }
}
