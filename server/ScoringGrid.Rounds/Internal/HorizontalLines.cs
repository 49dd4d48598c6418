namespace ScoringGrid.Rounds.Internal;

/// <summary>
/// The values each programme ranks horizontally. Zhejiang (rulebook §4): N and M of the
/// infrastructure, business and management lines; N only for <c>collab.systems</c>,
/// <c>collab.data</c> and <c>investment</c>. The tiers themselves are rule-set data
/// (<c>ranking.tiers</c>); the N and M formulas mirror the rule file's lines, because the core
/// does not expose a line's N and M separately.
/// </summary>
internal static class HorizontalLines
{
    private static readonly HorizontalMetric[] Zhejiang =
    [
        .. Pair("infra.storage", "cloud_storage_tb", "total_storage_tb"),
        new("infra.servers", "N", [("cloud_server_cores", 0.125), ("cloud_server_memory_gb", 0.03125)]),
        new("infra.servers", "M", [("total_server_cores", 0.125), ("total_server_memory_gb", 0.03125)]),
        .. Pair("infra.security", "cloud_security_spend_wan", "total_security_spend_wan"),
        .. Pair("infra.database", "cloud_database_spend_wan", "total_database_spend_wan"),
        .. Pair("biz.rd", "cloud_rd_systems", "total_rd_systems"),
        .. Pair("biz.production", "cloud_production_systems", "total_production_systems"),
        .. Pair("biz.supply_chain", "cloud_supply_systems", "total_supply_systems"),
        .. Pair("biz.marketing", "cloud_marketing_systems", "total_marketing_systems"),
        .. Pair("biz.other", "cloud_other_systems", "total_other_systems"),
        .. Pair("mgmt.office", "cloud_office_systems", "total_office_systems"),
        .. Pair("mgmt.device_access", "cloud_devices", "total_devices"),
        .. Pair("mgmt.device_mgmt", "cloud_device_mgmt_systems", "total_device_mgmt_systems"),
        new("collab.systems", "N", [("collaborating_systems", 1)]),
        new("collab.data", "N", [], itemPrefix: "data."),
        new("investment", "N", [("cloud_investment_3y_wan", 1)]),
    ];

    /// <summary>The metrics of a programme (by rule set id); empty when it ranks nothing horizontally.</summary>
    public static IReadOnlyList<HorizontalMetric> For(string ruleSetId) =>
        ruleSetId == "zj-cloud-enterprise-2021" ? Zhejiang : [];

    private static HorizontalMetric[] Pair(string line, string n, string m) =>
        [new(line, "N", [(n, 1)]), new(line, "M", [(m, 1)])];
}
