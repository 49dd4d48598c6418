namespace ScoringGrid.Scoring.Tests.Support;

/// Rulebook §3: one level, gates only.
public sealed class HbBenchmark2018Rulebook : RulebookSection
{
    public static readonly string[] Categories =
    [
        "infra.compute", "infra.storage", "infra.network", "infra.security", "platform.database", "platform.bigdata", "platform.middleware",
        "platform.iot", "platform.devplatform", "platform.ai", "biz.office", "biz.management", "biz.operations", "biz.rd_design",
        "biz.production_control", "biz.smart_apps", "device.high_energy_process", "device.general_power", "device.new_energy",
        "device.smart_products", "capability.manufacturing",
    ];

    public override string RuleSetId => "hb-benchmark-2018";

    public override string Province => "hebei";

    public override string[] Levels => ["benchmark"];

    public override IReadOnlyDictionary<string, string[]> Lists { get; } = new Dictionary<string, string[]> { ["category"] = Categories };

    public override Threshold[] Thresholds => [new("benchmark", "gate.category", "category", 1, Items: true)];

    public override RequiredFlag[] RequiredFlags =>
    [
        new("benchmark", "gate.province", "registered_in_province"),
        new("benchmark", "gate.legal_person", "independent_legal_person"),
        new("benchmark", "gate.industrial", "industrial_enterprise"),
        new("benchmark", "gate.clean_record", "clean_record"),
        new("benchmark", "gate.provider_pool", "provider_in_pool"),
    ];

    protected override void Prepare(AppBuilder app, string level, string variant) =>
        app.Date("first_cloud_contract_signed", "2018-08-31").Date("latest_contract_valid_until", "2018-11-30").Provider("Huawei Cloud");
}
