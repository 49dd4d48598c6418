namespace ScoringGrid.Scoring.Tests.Support;

/// Rulebook §2.
public sealed class JsStar2018Rulebook : RulebookSection
{
    public static readonly string[] Infra =
        ["infra.compute", "infra.storage", "infra.database", "infra.security.content", "infra.security.business", "infra.security.network"];

    public static readonly string[] Basic =
    [
        "basic.hr.recruiting", "basic.hr.performance", "basic.hr.training", "basic.hr.payroll", "basic.finance.tax", "basic.finance.expense",
        "basic.admin.portal", "basic.admin.office", "basic.admin.security",
    ];

    public static readonly string[] ItServices = ["core.it.dev", "core.it.test", "core.it.ops"];

    /// One item from each of the 9 core sub-classes.
    public static readonly string[] CoreSubclassHeads =
    [
        "core.rd.app", "core.scheduling", "core.mes", "core.erp", "core.supply.procurement", "core.crm", "core.customer_service",
        "core.ecommerce", "core.production_data",
    ];

    /// One item from each of the 4 deep-application sub-classes.
    public static readonly string[] DeepSubclassHeads =
        ["deep.innovation.customization", "deep.market_analysis", "deep.fault_diagnosis", "deep.quality_process"];

    public override string RuleSetId => "js-star-2018";

    public override string Province => "jiangsu";

    public override string[] Levels => ["3-star", "4-star", "5-star"];

    public override string[] Variants => ["", "it"];

    public override IReadOnlyDictionary<string, string[]> Lists { get; } = new Dictionary<string, string[]>
    {
        ["infra"] = Infra, ["basic"] = Basic, ["it"] = ItServices, ["core"] = CoreSubclassHeads, ["deep"] = DeepSubclassHeads,
    };

    public override Threshold[] Thresholds =>
    [
        .. Level("3-star", basic: 3, it: 1, core: 1, usage: 30, cpu: 5, bandwidth: 30, rw: 1_000),
        new("3-star", "cloud_investment", "annual_cloud_investment_yuan", 50_000, Items: false),
        .. Level("4-star", basic: 4, it: 2, core: 3, usage: 50, cpu: 10, bandwidth: 40, rw: 10_000),
        new("4-star", "cloud_investment", "annual_cloud_investment_yuan", 500_000, Items: false),
        .. Level("5-star", basic: 5, it: 3, core: 5, usage: 80, cpu: 25, bandwidth: 50, rw: 50_000),
        new("5-star", "deep.subclasses", "deep", 2, Items: true),
        // The 5-star cell drops "年度": total, not annual, investment.
        new("5-star", "cloud_investment", "total_cloud_investment_yuan", 4_000_000, Items: false),
    ];

    private static Threshold[] Level(string level, int basic, int it, int core, double usage, double cpu, double bandwidth, double rw) =>
    [
        new(level, "infra.items", "infra", 6, Items: true),
        new(level, "basic.items", "basic", basic, Items: true),
        new(level, "it.items", "it", it, Items: true, Variant: "it"),
        new(level, "core.subclasses", "core", core, Items: true),
        new(level, "itops_cost_reduction", "itops_cost_reduction_pct", 30, Items: false),
        new(level, "monthly_user_usage", "monthly_user_usage_pct", usage, Items: false),
        new(level, "host_cpu_utilization", "host_cpu_utilization_pct", cpu, Items: false),
        new(level, "host_bandwidth_utilization", "host_bandwidth_utilization_pct", bandwidth, Items: false),
        new(level, "daily_data_rw", "daily_data_rw_ops", rw, Items: false),
    ];

    public override RequiredFlag[] RequiredFlags =>
    [
        .. Levels.SelectMany(l => new RequiredFlag[]
        {
            new(l, "gate.province", "registered_in_province"), new(l, "gate.province", "independent_legal_person"),
        }),
    ];

    protected override void Prepare(AppBuilder app, string level, string variant)
    {
        app.Deployment(level switch { "3-star" => "public", "4-star" => "dedicated", _ => "hybrid" });
        if (variant == "it")
        {
            app.Flag("it_service_enterprise");
        }
    }
}
