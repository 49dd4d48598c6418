using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Tests.Support;

/// <summary>Applications for the tests, built from the shipped examples' shapes.</summary>
public static class Applications
{
    public const string Zhejiang = "zj-cloud-enterprise-2021";
    public const string Hebei = "hb-benchmark-2018";

    /// <summary>A Zhejiang application whose self score is 75 × <paramref name="share"/> (every line N = share × M).</summary>
    public static Application Zhejiang2021(string id, string city, double share, double scale = 1, bool eligible = true)
    {
        var app = new Application
        {
            Id = id,
            RuleSet = Zhejiang,
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
            app.Figures[m] = 100 * scale;
            app.Figures[n] = 100 * scale * share;
        }

        // collab.systems: N ÷ (sum of the five business N) = share.
        app.Figures["collaborating_systems"] = 5 * 100 * scale * share * share;
        var data = new[] { "data.rd", "data.design", "data.production", "data.supply_chain", "data.sales", "data.service" };
        app.Items.AddRange(data.Take((int)Math.Round(6 * share)));
        app.Flags["registered_in_province"] = true;
        app.Flags["manufacturing_enterprise"] = true;
        app.Flags["clean_credit"] = eligible;
        return app;
    }

    /// <summary>A Hebei application that passes every gate (unless <paramref name="eligible"/> is false).</summary>
    public static Application Hebei2018(string id, string creditCode, bool eligible = true)
    {
        var app = new Application
        {
            Id = id,
            RuleSet = Hebei,
            Applicant = new Applicant { Name = "河北 " + id, CreditCode = creditCode, Province = "hebei", City = "tangshan", Industry = "steel", Provider = "Huawei Cloud" },
            Deployment = "public",
        };
        app.Items.AddRange(["infra.compute", "platform.iot"]);
        app.Figures["current_contract_annual_fee_yuan"] = 180000;
        app.Flags["registered_in_province"] = true;
        app.Flags["independent_legal_person"] = true;
        app.Flags["industrial_enterprise"] = true;
        app.Flags["clean_record"] = eligible;
        app.Flags["provider_in_pool"] = true;
        app.Dates["first_cloud_contract_signed"] = "2018-05-20";
        app.Dates["latest_contract_valid_until"] = "2019-05-19";
        return app;
    }
}
