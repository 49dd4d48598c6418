namespace ScoringGrid.Scoring.Tests.Support;

/// Rulebook §1.
public sealed class JsStar2019Rulebook : RulebookSection
{
    public static readonly string[] App =
    [
        "app.design.rd_app", "app.design.case_library", "app.design.collaboration", "app.production.scheduling", "app.production.mes",
        "app.supply.srm", "app.supply.procurement", "app.supply.logistics", "app.supply.erp", "app.sales.ecommerce", "app.service.crm",
        "app.service.customer_service",
    ];

    public static readonly string[] Base =
    [
        "base.compute", "base.storage", "base.database", "base.mgmt_tools", "base.security.data", "base.security.business",
        "base.security.network", "base.security.industrial", "base.security.dr",
    ];

    /// data + device access + edge + device services, interleaved so six items span all four groups.
    public static readonly string[] Pooled =
    [
        "data.basic", "device.high_energy", "edge.processing", "devsvc.ledger", "data.design", "device.general_power",
        "edge.analytics", "devsvc.inspection", "data.production", "data.supply_chain", "data.sales", "data.service", "data.other",
        "device.new_energy", "device.smart_equipment", "device.other", "devsvc.work_orders", "devsvc.maintenance", "devsvc.realtime",
        "devsvc.reports", "devsvc.traceability", "devsvc.scada_screens", "devsvc.alarms", "devsvc.remote_control", "devsvc.exec_optimization",
    ];

    public static readonly string[] Innovation =
    [
        "innov.market_analysis", "innov.remote_ops", "innov.quality_process", "innov.chain_collaboration", "innov.operations_analysis",
        "innov.smart_manufacturing", "innov.personalized_customization", "innov.networked_manufacturing", "innov.service_manufacturing", "innov.other",
    ];

    public override string RuleSetId => "js-star-2019";

    public override string Province => "jiangsu";

    public override string[] Levels => ["3-star", "4-star", "5-star"];

    public override IReadOnlyDictionary<string, string[]> Lists { get; } = new Dictionary<string, string[]>
    {
        ["app"] = App, ["base"] = Base, ["pooled"] = Pooled, ["innov"] = Innovation,
    };

    public override Threshold[] Thresholds =>
    [
        // 3-star: industrial APP ≥ 2 or basic cloud ≥ 3 (the baseline takes the APP branch).
        new("3-star", "app_or_base", "app", 2, Items: true),
        new("3-star", "investment", "annual_cloud_investment_yuan", 10_000, Items: false),
        new("4-star", "app.items", "app", 3, Items: true),
        new("4-star", "base.items", "base", 3, Items: true),
        new("4-star", "investment", "annual_cloud_investment_yuan", 10_000, Items: false),
        new("4-star", "pooled.items", "pooled", 6, Items: true),
        new("5-star", "app.items", "app", 3, Items: true),
        new("5-star", "base.items", "base", 3, Items: true),
        new("5-star", "investment", "annual_cloud_investment_yuan", 10_000, Items: false),
        new("5-star", "pooled.items", "pooled", 6, Items: true),
        new("5-star", "innov.items", "innov", 1, Items: true),
    ];

    public override RequiredFlag[] RequiredFlags =>
    [
        .. Levels.SelectMany(l => new RequiredFlag[] { new(l, "gate.province", "registered_in_province"), new(l, "gate.province", "independent_legal_person") }),
    ];

    // 3-star is public cloud only; the higher baselines use other deployments to show "any".
    protected override void Prepare(AppBuilder app, string level, string variant) =>
        app.Deployment(level switch { "3-star" => "public", "4-star" => "hybrid", _ => "private" });
}
