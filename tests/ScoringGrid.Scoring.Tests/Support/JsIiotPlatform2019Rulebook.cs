namespace ScoringGrid.Scoring.Tests.Support;

/// Rulebook §5: three independent tiers; process industries count collection points.
public sealed class JsIiotPlatform2019Rulebook : RulebookSection
{
    private const string Cross = "cross-industry";
    private const string Industry = "industry";
    private const string Enterprise = "enterprise";

    public override string RuleSetId => "js-iiot-platform-2019";

    public override string Province => "jiangsu";

    public override string[] Levels => [Enterprise, Industry, Cross];

    public override string[] Variants => ["discrete", "process"];

    public override IReadOnlyDictionary<string, string[]> Lists { get; } = new Dictionary<string, string[]>();

    public override Threshold[] Thresholds =>
    [
        new(Cross, "devices", "connected_devices", 5_000, false, "discrete"),
        new(Cross, "devices", "device_types", 30, false, "discrete"),
        new(Cross, "devices", "collection_points", 30_000, false, "process"),
        new(Industry, "devices", "connected_devices", 1_500, false, "discrete"),
        new(Industry, "devices", "collection_points", 10_000, false, "process"),
        new(Enterprise, "devices", "connected_devices", 100, false, "discrete"),
        new(Enterprise, "devices", "collection_points", 3_000, false, "process"),

        new(Cross, "managed_devices", "managed_device_types", 3, false),
        new(Cross, "managed_devices", "managed_devices", 2_000, false),
        new(Industry, "managed_devices", "managed_devices", 200, false),
        new(Enterprise, "managed_devices", "managed_devices", 30, false),

        new(Cross, "cloud_software", "cloud_software_types", 3, false),
        new(Cross, "cloud_software", "cloud_software", 20, false),

        new(Cross, "mechanism_models", "mechanism_model_types", 3, false),
        new(Cross, "mechanism_models", "mechanism_models", 150, false),
        new(Industry, "mechanism_models", "mechanism_models", 50, false),
        new(Enterprise, "mechanism_models", "mechanism_models", 20, false),

        new(Cross, "analysis_algorithms", "analysis_algorithms", 50, false),
        new(Industry, "analysis_algorithms", "analysis_algorithms", 20, false),

        new(Cross, "industrial_apps", "industrial_app_types", 3, false),
        new(Cross, "industrial_apps", "industrial_apps", 50, false),
        new(Industry, "industrial_apps", "industrial_apps", 30, false),
        new(Enterprise, "industrial_apps", "industrial_apps", 10, false),

        new(Cross, "subscribing_enterprises", "subscribing_enterprise_types", 3, false),
        new(Cross, "subscribing_enterprises", "subscribing_enterprises", 3_000, false),
        new(Industry, "subscribing_enterprises", "subscribing_enterprises", 100, false),

        new(Cross, "subscribed_users", "subscribed_user_types", 3, false),
        new(Cross, "subscribed_users", "subscribed_users", 5_000, false),
        new(Industry, "subscribed_users", "subscribed_users", 300, false),

        new(Cross, "monthly_model_calls", "monthly_model_calls", 1_000, false),
        new(Industry, "monthly_model_calls", "monthly_model_calls", 500, false),
        new(Enterprise, "monthly_model_calls", "monthly_model_calls", 200, false),

        new(Cross, "dev_tools", "dev_tools", 2, false),
        new(Cross, "dev_tools", "sdk_developers", 1_000, false),
        new(Cross, "dev_tools", "monthly_dev_tool_calls", 3_000, false),
        new(Industry, "dev_tools", "dev_tools", 1, false),

        new(Cross, "dev_languages", "dev_languages", 3, false),
        new(Industry, "dev_languages", "dev_languages", 2, false),

        // Cross-industry also needs ≥ 20 % of total_developers; the baseline declares 2,500 (→ 500).
        new(Cross, "third_party_developers", "third_party_developers", 500, false),
        new(Industry, "third_party_developers", "third_party_developers", 500, false),

        new(Cross, "cross_industry", "industries_covered", 3, false),
        new(Cross, "cross_industry", "min_devices_per_industry", 1_000, false, "discrete"),
        new(Cross, "cross_industry", "min_points_per_industry", 5_000, false, "process"),
        new(Cross, "cross_industry", "model_app_industries", 3, false),
        new(Cross, "cross_industry", "min_models_per_industry", 1, false),
        new(Cross, "cross_industry", "min_apps_per_industry", 15, false),
        new(Cross, "cross_industry", "user_industries", 3, false),
        new(Cross, "cross_industry", "min_enterprise_users_per_industry", 5, false),

        new(Cross, "cross_domain", "domains", 3, false),
        new(Cross, "cross_domain", "min_models_per_domain", 30, false),
        new(Cross, "cross_domain", "min_apps_per_domain", 10, false),

        new(Cross, "operator", "operator_staff", 50, false),
        new(Industry, "operator", "operator_staff", 30, false),
    ];

    public override RequiredFlag[] RequiredFlags =>
    [
        .. Levels.SelectMany(l => new[] { "registered_in_province", "independent_legal_person", "sound_finance", "clean_credit" }
            .Select(f => new RequiredFlag(l, "gate.basic", f))),
        new(Cross, "graphical_dev", "graphical_dev"),
        new(Industry, "graphical_dev", "graphical_dev"),
        new(Cross, "cross_domain", "cross_domain_data_integration"),
        new(Cross, "cross_domain", "regional_scale_cases"),
        .. new[] { "rd_ops_plan", "independent_operator", "public_cloud_sharing", "app_store_or_community" }.Select(f => new RequiredFlag(Cross, "operator", f)),
        .. new[] { "rd_ops_plan", "independent_operator" }.Select(f => new RequiredFlag(Industry, "operator", f)),
        .. new[] { "rd_ops_plan", "dedicated_team" }.Select(f => new RequiredFlag(Enterprise, "operator", f)),
        .. new[] { "edge_access", "iaas", "paas", "app_services", "security_protection" }.Select(f => new RequiredFlag(Cross, "basic_capability", f)),
        .. new[] { "edge_access", "iaas", "paas", "app_services", "security_protection" }.Select(f => new RequiredFlag(Industry, "basic_capability", f)),
        .. new[] { "edge_access", "paas", "app_services", "security_protection" }.Select(f => new RequiredFlag(Enterprise, "basic_capability", f)),
    ];

    protected override void Prepare(AppBuilder app, string level, string variant)
    {
        if (variant == "process")
        {
            app.Flag("process_industry");
        }

        if (level == Cross)
        {
            app.Figure("total_developers", 2_500);
        }
    }
}
