using System.Collections.Frozen;
using ScoringGrid.Server.Security;

namespace ScoringGrid.Server.Rounds;

/// <summary>
/// The scope each Rounds method needs, by full method path; a key holding any one of the listed
/// scopes may call. Methods not listed need <c>admin</c>.
/// </summary>
internal static class RoundsScopes
{
    private const string Prefix = "/" + RoundsGrpcService.ServiceName + "/";

    private static readonly FrozenDictionary<string, ApiScope> ByMethod = new Dictionary<string, ApiScope>(StringComparer.Ordinal)
    {
        [Prefix + "SubmitApplication"] = ApiScope.Score,
        [Prefix + "GetRound"] = ApiScope.Score,
        [Prefix + "ListRounds"] = ApiScope.Score,
        [Prefix + "RankRound"] = ApiScope.Score,
        [Prefix + "GetAuditTrail"] = ApiScope.Score,
        [Prefix + "ExportRecommendations"] = ApiScope.Score,
        [Prefix + "GetSubmissionHistory"] = ApiScope.Score,
        [Prefix + "EnterExpertScore"] = ApiScope.Admin | ApiScope.Expert,
        [Prefix + "CreateRound"] = ApiScope.Admin,
        [Prefix + "TransitionRound"] = ApiScope.Admin,
        [Prefix + "ReplayRound"] = ApiScope.Admin,
        [Prefix + "RederiveAudit"] = ApiScope.Admin,
        [Prefix + "Disqualify"] = ApiScope.Admin,
        [Prefix + "LiftDisqualification"] = ApiScope.Admin,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The scopes for <paramref name="method"/> when it is a Rounds method; false otherwise.</summary>
    public static bool TryGet(string method, out ApiScope anyOf)
    {
        if (!method.StartsWith(Prefix, StringComparison.Ordinal))
        {
            anyOf = ApiScope.None;
            return false;
        }

        anyOf = ByMethod.GetValueOrDefault(method, ApiScope.Admin);
        return true;
    }
}
