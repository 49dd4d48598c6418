using ScoringGrid.Common;
using ScoringGrid.Rounds.Internal;

namespace ScoringGrid.Rounds;

public sealed partial class ScoringRounds
{
    /// <summary>Sets the city's recommendation opinion (市经信局推荐意见) for an application; allowed until published.</summary>
    public async Task SetRecommendationOpinionAsync(string roundId, string applicationId, string opinion, string keyId)
    {
        Require("key_id", keyId);
        RoundIds.Other("application_id", applicationId);
        var round = await GetRoundAsync(roundId).ConfigureAwait(false);
        if (round.State == RoundState.Published)
        {
            throw RoundErrors.Published(roundId);
        }

        _ = await ReadApplicationAsync(roundId, applicationId).ConfigureAwait(false);
        await Db.HashSetAsync(_keys.Opinions(roundId), applicationId, opinion ?? "").Within(_redis).ConfigureAwait(false);
    }

    /// <summary>
    /// The recommendation order (推荐排序表) per city: each city's eligible applications in round
    /// order (<see cref="RankRoundAsync"/>), numbered from 1, with the seed's columns. Cities by id.
    /// </summary>
    /// <param name="roundId">The round.</param>
    /// <param name="city">One city (applicant.city), or null for all.</param>
    /// <param name="keyId">API key id of the caller (recorded with the evaluations).</param>
    public async Task<IReadOnlyList<RecommendationTable>> ExportRecommendationsAsync(string roundId, string? city = null, string keyId = "system")
    {
        var (ranking, byId) = await RankCoreAsync(roundId, keyId).ConfigureAwait(false);
        var opinions = (await Db.HashGetAllAsync(_keys.Opinions(roundId)).Within(_redis).ConfigureAwait(false))
            .ToDictionary(static e => (string)e.Name!, static e => (string)e.Value!, StringComparer.Ordinal);
        var rowsByCity = new SortedDictionary<string, List<RecommendationRow>>(StringComparer.Ordinal);
        foreach (var entry in ranking.Entries)
        {
            if (!entry.Eligible || (city is not null && !string.Equals(entry.City, city, StringComparison.Ordinal)))
            {
                continue;
            }

            if (!rowsByCity.TryGetValue(entry.City, out var rows))
            {
                rowsByCity[entry.City] = rows = [];
            }

            var app = byId[entry.ApplicationId];
            var profile = ProfileJson.Read(app.Stored.Profile);
            var figures = app.Scored.Application.Figures;
            rows.Add(new RecommendationRow
            {
                Order = rows.Count + 1,
                ApplicationId = entry.ApplicationId,
                District = profile.District,
                Name = entry.Name,
                MainBusiness = profile.MainBusiness,
                SalesRevenueWan = profile.SalesRevenueWan,
                ProfitWan = profile.ProfitWan,
                ItInvestment3yWan = figures.TryGetValue("it_investment_3y_wan", out var it) ? it : null,
                CloudInvestment3yWan = figures.TryGetValue("cloud_investment_3y_wan", out var cloud) ? cloud : null,
                ItLead = profile.ItLead,
                Phone = profile.Phone,
                Opinion = opinions.GetValueOrDefault(entry.ApplicationId, ""),
                TotalScore = entry.TotalScore,
            });
        }

        if (city is not null && rowsByCity.Count == 0)
        {
            rowsByCity[city] = [];
        }

        return rowsByCity.Select(kv => new RecommendationTable(ranking.RoundId, ranking.RuleSet, kv.Key, kv.Value)).ToArray();
    }
}
