using ScoringGrid.V1;

namespace ScoringGrid.Rounds.Server.Tests.Support;

/// <summary>Applications as <c>scoringgrid.v1.Application</c> messages, shaped like the shipped examples.</summary>
public static class Applications
{
    public const string Zhejiang = "zj-cloud-enterprise-2021";
    public const string Hebei = "hb-benchmark-2018";

    /// <summary>Zhejiang's expert lines and their weights (25 points in all).</summary>
    public static readonly (string Line, double Weight)[] ZhejiangExpertLines =
    [
        ("expert.xinchuang", 4), ("expert.cloud_native", 4), ("expert.cloud_mgmt", 5),
        ("expert.platform_use", 4), ("expert.new_manufacturing", 4), ("expert.performance_case", 4),
    ];

    /// <summary>A Zhejiang application whose self score is 75 × <paramref name="share"/> (every line N = share × M).</summary>
    public static Application Zhejiang2021(string id, string city, double share)
    {
        var app = new Application
        {
            Id = id,
            Ruleset = Zhejiang,
            Applicant = new Applicant { Name = "企业 " + id, CreditCode = "CC-" + id, Province = "zhejiang", City = city, Industry = "molds", Provider = "Alibaba Cloud" },
            Deployment = "public",
        };
        (string N, string M)[] pairs =
        [
            ("cloud_storage_tb", "total_storage_tb"), ("cloud_security_spend_wan", "total_security_spend_wan"),
            ("cloud_database_spend_wan", "total_database_spend_wan"), ("cloud_rd_systems", "total_rd_systems"),
            ("cloud_production_systems", "total_production_systems"), ("cloud_supply_systems", "total_supply_systems"),
            ("cloud_marketing_systems", "total_marketing_systems"), ("cloud_other_systems", "total_other_systems"),
            ("cloud_office_systems", "total_office_systems"), ("cloud_devices", "total_devices"),
            ("cloud_device_mgmt_systems", "total_device_mgmt_systems"), ("cloud_investment_3y_wan", "it_investment_3y_wan"),
            ("cloud_server_cores", "total_server_cores"), ("cloud_server_memory_gb", "total_server_memory_gb"),
        ];
        foreach (var (n, m) in pairs)
        {
            app.Figures[m] = 100;
            app.Figures[n] = 100 * share;
        }

        app.Figures["collaborating_systems"] = 5 * 100 * share * share;
        string[] data = ["data.rd", "data.design", "data.production", "data.supply_chain", "data.sales", "data.service"];
        app.Items.AddRange(data.Take((int)Math.Round(6 * share)));
        app.Flags["registered_in_province"] = true;
        app.Flags["manufacturing_enterprise"] = true;
        app.Flags["clean_credit"] = true;
        return app;
    }

    /// <summary>A Hebei application that passes every gate (while its credit code is not banned).</summary>
    public static Application Hebei2018(string id, string creditCode)
    {
        var app = new Application
        {
            Id = id,
            Ruleset = Hebei,
            Applicant = new Applicant { Name = "河北 " + id, CreditCode = creditCode, Province = "hebei", City = "tangshan", Industry = "steel", Provider = "Huawei Cloud" },
            Deployment = "public",
        };
        app.Items.AddRange(["infra.compute", "platform.iot"]);
        app.Figures["current_contract_annual_fee_yuan"] = 180000;
        app.Flags["registered_in_province"] = true;
        app.Flags["independent_legal_person"] = true;
        app.Flags["industrial_enterprise"] = true;
        app.Flags["clean_record"] = true;
        app.Flags["provider_in_pool"] = true;
        app.Dates["first_cloud_contract_signed"] = "2018-05-20";
        app.Dates["latest_contract_valid_until"] = "2019-05-19";
        return app;
    }
}
