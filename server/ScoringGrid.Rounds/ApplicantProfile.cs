namespace ScoringGrid.Rounds;

/// <summary>
/// What the application form (申报表, seed 003 attachment 1) says beyond the scored document; the
/// recommendation order (推荐排序表) shows it. All optional.
/// </summary>
public sealed record ApplicantProfile
{
    /// <summary>区县: the district or county.</summary>
    public string District { get; init; } = "";

    /// <summary>主营业务: main business.</summary>
    public string MainBusiness { get; init; } = "";

    /// <summary>上年度销售收入（万元）.</summary>
    public double? SalesRevenueWan { get; init; }

    /// <summary>上年度利润总额（万元）.</summary>
    public double? ProfitWan { get; init; }

    /// <summary>企业信息化负责人: the person responsible for IT.</summary>
    public string ItLead { get; init; } = "";

    /// <summary>联系电话: their phone.</summary>
    public string Phone { get; init; } = "";
}
