using ScoringGrid.Server.Grpc;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Rounds.Server.Tests.Security;

/// <summary>The interceptor's scope table: explicit for Rounds, unchanged for Scoring and Platforms.</summary>
public sealed class RequiredScopeUnitTests
{
    [Theory]
    [InlineData("/scoringgrid.v1.Rounds/SubmitApplication", ApiScope.Score)]
    [InlineData("/scoringgrid.v1.Rounds/GetRound", ApiScope.Score)]
    [InlineData("/scoringgrid.v1.Rounds/ListRounds", ApiScope.Score)]
    [InlineData("/scoringgrid.v1.Rounds/RankRound", ApiScope.Score)]
    [InlineData("/scoringgrid.v1.Rounds/GetAuditTrail", ApiScope.Score)]
    [InlineData("/scoringgrid.v1.Rounds/ExportRecommendations", ApiScope.Score)]
    [InlineData("/scoringgrid.v1.Rounds/GetSubmissionHistory", ApiScope.Score)]
    [InlineData("/scoringgrid.v1.Rounds/EnterExpertScore", ApiScope.Admin | ApiScope.Expert)]
    [InlineData("/scoringgrid.v1.Rounds/CreateRound", ApiScope.Admin)]
    [InlineData("/scoringgrid.v1.Rounds/TransitionRound", ApiScope.Admin)]
    [InlineData("/scoringgrid.v1.Rounds/ReplayRound", ApiScope.Admin)]
    [InlineData("/scoringgrid.v1.Rounds/RederiveAudit", ApiScope.Admin)]
    [InlineData("/scoringgrid.v1.Rounds/Disqualify", ApiScope.Admin)]
    [InlineData("/scoringgrid.v1.Rounds/LiftDisqualification", ApiScope.Admin)]
    [InlineData("/scoringgrid.v1.Rounds/SomethingNew", ApiScope.Admin)]
    [InlineData("/scoringgrid.v1.Scoring/Evaluate", ApiScope.Score)]
    [InlineData("/scoringgrid.v1.Scoring/VerifyFigures", ApiScope.Verify)]
    [InlineData("/scoringgrid.v1.Platforms/ListPlatforms", ApiScope.Admin)]
    public void RequiredScope_ByFullMethodPath(string method, ApiScope expected) =>
        Assert.Equal(expected, ApiKeyInterceptor.RequiredScope(method));
}
