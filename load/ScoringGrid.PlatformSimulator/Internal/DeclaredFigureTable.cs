namespace ScoringGrid.PlatformSimulator.Internal;

// What an honest platform with these options would declare, mirroring MetricsBody.
internal static class DeclaredFigureTable
{
    public static IReadOnlyDictionary<string, double> For(SimulatorOptions o)
    {
        var perType = o.Devices / o.DeviceTypes;
        var perIndustry = new long[Math.Min(o.Industries, o.DeviceTypes)];
        for (var t = 0; t < o.DeviceTypes; t++)
        {
            perIndustry[t % o.Industries] += perType + (t == 0 ? o.Devices % o.DeviceTypes : 0);
        }

        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["connected_devices"] = o.Devices,
            ["device_types"] = o.DeviceTypes,
            ["collection_points"] = o.Devices * 6L / o.Industries * o.Industries,
            ["managed_devices"] = o.Devices / 6 * 3,
            ["managed_device_types"] = 3,
            ["mechanism_models"] = 180,
            ["mechanism_model_types"] = 3,
            ["analysis_algorithms"] = 60,
            ["industrial_apps"] = 90,
            ["industrial_app_types"] = 3,
            ["subscribing_enterprises"] = 3600,
            ["subscribing_enterprise_types"] = 3,
            ["subscribed_users"] = 6000,
            ["subscribed_user_types"] = 3,
            ["sdk_developers"] = 1200,
            ["host_cpu_utilization_pct"] = 30,
            ["industries_covered"] = perIndustry.Length,
            ["min_devices_per_industry"] = perIndustry.Min(),
            ["min_points_per_industry"] = o.Devices * 6L / o.Industries,
            ["model_app_industries"] = 3,
            ["min_models_per_industry"] = 60,
            ["min_apps_per_industry"] = 30,
            ["user_industries"] = 3,
            ["min_enterprise_users_per_industry"] = 1200,
            ["domains"] = 3,
            ["min_models_per_domain"] = 60,
            ["min_apps_per_domain"] = 30,
        };
    }
}
