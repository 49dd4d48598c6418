namespace ScoringGrid.Scoring.Tests.Support;

/// Rulebook §6: one level; each application group needs ≥ 1 item.
public sealed class JsBenchmarkFactory2019Rulebook : RulebookSection
{
    public override string RuleSetId => "js-benchmark-factory-2019";

    public override string Province => "jiangsu";

    public override string[] Levels => ["benchmark"];

    public override IReadOnlyDictionary<string, string[]> Lists { get; } = new Dictionary<string, string[]>
    {
        ["mfg.site"] = ["mfg.process_optimization", "mfg.quality_inspection"],
        ["mfg.management"] = ["mfg.progress_control", "mfg.full_quality", "mfg.energy_efficiency", "mfg.plant_logistics", "mfg.safety_control"],
        ["mfg.business"] = ["mfg.production_control_integration", "mfg.inventory", "mfg.finance_flow"],
        ["net"] =
        [
            "net.5g", "net.4g", "net.nbiot", "net.zigbee", "net.lora", "net.ethernet", "net.industrial_ethernet", "net.tsn", "net.fieldbus",
            "net.industrial_pon", "net.internet_line", "net.interconnect_line", "net.sdwan", "net.vpn",
        ],
        ["platform"] = ["platform.self_built", "platform.accessed"],
        ["sec"] =
        [
            "sec.firewall", "sec.ics_firewall", "sec.anti_ddos", "sec.intrusion_prevention", "sec.dlp", "sec.av_gateway", "sec.intrusion_detection",
            "sec.vuln_scan", "sec.ics_vuln_scan", "sec.zoning", "sec.endpoint", "sec.ics_endpoint",
        ],
        ["flow"] =
        [
            "flow.design_simulation", "flow.design_manufacturing", "flow.product_service", "flow.usage_feedback", "flow.factory_simulation",
            "flow.asset_operation", "flow.fault_prediction", "flow.demand_forecast", "flow.supply_chain", "flow.resource_sharing",
            "flow.value_chain", "flow.reconfigurable_lines", "flow.supply_chain_design",
        ],
    };

    public override Threshold[] Thresholds =>
    [
        new("benchmark", "mfg.site", "mfg.site", 1, Items: true),
        new("benchmark", "mfg.management", "mfg.management", 1, Items: true),
        new("benchmark", "mfg.business", "mfg.business", 1, Items: true),
        new("benchmark", "tech.network", "net", 1, Items: true),
        new("benchmark", "tech.platform", "platform", 1, Items: true),
        new("benchmark", "tech.security", "sec", 1, Items: true),
        // The sum of four investments ≥ 20,000,000; the baseline puts it all in one figure and zero in the others.
        new("benchmark", "gate.investment", "platform_dev_yuan", 20_000_000, Items: false),
    ];

    public override RequiredFlag[] RequiredFlags =>
    [
        .. new[] { "registered_in_province", "independent_legal_person", "sound_finance", "clean_credit" }.Select(f => new RequiredFlag("benchmark", "gate.province", f)),
        new("benchmark", "gate.completed", "project_completed"),
    ];

    protected override void Prepare(AppBuilder app, string level, string variant) =>
        app.Figure("smart_device_yuan", 0).Figure("testing_consulting_yuan", 0).Figure("staff_wages_yuan", 0)
            .Date("investment_window_start", "2017-01-01");
}
