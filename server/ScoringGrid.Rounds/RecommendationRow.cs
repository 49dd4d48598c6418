namespace ScoringGrid.Rounds;

/// <summary>One row of a city's recommendation order (推荐排序表), the seed's columns in order.</summary>
public sealed record RecommendationRow
{
    /// <summary>序号: 1-based position within the city.</summary>
    public required int Order { get; init; }

    /// <summary>The application (not a seed column; it ties the row to the round).</summary>
    public required string ApplicationId { get; init; }

    /// <summary>区县.</summary>
    public string District { get; init; } = "";

    /// <summary>企业名称.</summary>
    public required string Name { get; init; }

    /// <summary>主营业务.</summary>
    public string MainBusiness { get; init; } = "";

    /// <summary>上年度销售收入（万元）.</summary>
    public double? SalesRevenueWan { get; init; }

    /// <summary>上年度利润总额（万元）.</summary>
    public double? ProfitWan { get; init; }

    /// <summary>近三年信息化建设和运维投入（万元）: figure <c>it_investment_3y_wan</c>.</summary>
    public double? ItInvestment3yWan { get; init; }

    /// <summary>近三年上云投入（万元）: figure <c>cloud_investment_3y_wan</c>.</summary>
    public double? CloudInvestment3yWan { get; init; }

    /// <summary>企业信息化负责人.</summary>
    public string ItLead { get; init; } = "";

    /// <summary>联系电话.</summary>
    public string Phone { get; init; } = "";

    /// <summary>市经信局推荐意见: the city's opinion.</summary>
    public string Opinion { get; init; } = "";

    /// <summary>The total score the order follows (not a seed column).</summary>
    public double? TotalScore { get; init; }
}
