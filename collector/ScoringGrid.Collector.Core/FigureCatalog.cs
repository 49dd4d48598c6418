using System.Collections.Frozen;
using static ScoringGrid.Collector.FigureAggregation;

namespace ScoringGrid.Collector;

/// <summary>
/// The rulebook §7 mapping from declared figures to metrics, as data. A figure not listed has
/// no live source and verifies as <see cref="VerificationStatus.Unverifiable"/>.
/// </summary>
public static class FigureCatalog
{
    private static readonly FigureRule[] Rows =
    [
        // Gauges (§7 table).
        new("connected_devices", "iiot_devices_connected", MaxDailyMean),
        new("device_types", "iiot_device_types", Latest, Fallback: new("device_types", "iiot_devices_connected", DistinctLabelValues, "type")),
        new("collection_points", "iiot_collection_points", MaxDailyMean),
        new("managed_devices", "iiot_devices_managed", MaxDailyMean),
        new("mechanism_models", "iiot_mechanism_models", Latest),
        new("analysis_algorithms", "iiot_analysis_algorithms", Latest),
        new("industrial_apps", "iiot_apps", Latest),
        new("subscribing_enterprises", "iiot_app_subscribing_enterprises", Latest),
        new("subscribed_users", "iiot_app_subscribed_users", Latest),
        new("sdk_developers", "iiot_sdk_developers", Latest),
        new("host_cpu_utilization_pct", "host_cpu_utilization_ratio", Mean, Scale: 100),

        // Counters: exact, reset-aware sums of deltas.
        new("monthly_model_calls", "iiot_model_calls_total", Increase30Days),
        new("monthly_dev_tool_calls", "iiot_dev_tool_calls_total", Increase30Days),
        new("daily_data_rw_ops", "data_rw_ops_total", DailyIncreaseMean),

        // Types: distinct `type` label values (§7 "types = distinct type labels").
        new("managed_device_types", "iiot_devices_managed", DistinctLabelValues, "type"),
        new("mechanism_model_types", "iiot_mechanism_models", DistinctLabelValues, "type"),
        new("industrial_app_types", "iiot_apps", DistinctLabelValues, "type"),
        new("subscribing_enterprise_types", "iiot_app_subscribing_enterprises", DistinctLabelValues, "type"),
        new("subscribed_user_types", "iiot_app_subscribed_users", DistinctLabelValues, "type"),

        // Industries and domains: distinct label values and per-value minima.
        new("industries_covered", "iiot_devices_connected", DistinctLabelValues, "industry"),
        new("min_devices_per_industry", "iiot_devices_connected", MinLatestPerLabelValue, "industry"),
        new("min_points_per_industry", "iiot_collection_points", MinLatestPerLabelValue, "industry"),
        new("model_app_industries", "iiot_apps", DistinctLabelValues, "industry"),
        new("min_models_per_industry", "iiot_mechanism_models", MinLatestPerLabelValue, "industry"),
        new("min_apps_per_industry", "iiot_apps", MinLatestPerLabelValue, "industry"),
        new("user_industries", "iiot_app_subscribing_enterprises", DistinctLabelValues, "industry"),
        new("min_enterprise_users_per_industry", "iiot_app_subscribing_enterprises", MinLatestPerLabelValue, "industry"),
        new("domains", "iiot_mechanism_models", DistinctLabelValues, "domain"),
        new("min_models_per_domain", "iiot_mechanism_models", MinLatestPerLabelValue, "domain"),
        new("min_apps_per_domain", "iiot_apps", MinLatestPerLabelValue, "domain"),

        // Verification load tests (recorded by the load runner).
        new("max_concurrency_rps", null, LoadTest),
        new("response_time_ms", null, LoadTest, LowerIsBetter: true),
    ];

    /// <summary>The rules by figure id.</summary>
    public static FrozenDictionary<string, FigureRule> Default { get; } = Rows.ToFrozenDictionary(static r => r.Figure, StringComparer.Ordinal);
}
