using ScoringGrid.Grpc;
using ScoringGrid.V1;

namespace ScoringGrid.Client;

/// <summary>The method descriptors of <c>scoringgrid.v1.Scoring</c>.</summary>
public static class ScoringMethods
{
    /// <summary>The service name on the wire.</summary>
    public const string ServiceName = "scoringgrid.v1.Scoring";

    /// <summary><c>Evaluate</c>: one application.</summary>
    public static readonly Method<EvaluateRequest, EvaluateResponse> Evaluate =
        new(MethodType.Unary, ServiceName, "Evaluate", Marshallers.Create(EvaluateRequest.Parser), Marshallers.Create(EvaluateResponse.Parser));

    /// <summary><c>EvaluateStream</c>: many applications over one stream, answered in order.</summary>
    public static readonly Method<EvaluateRequest, EvaluateResponse> EvaluateStream =
        new(MethodType.DuplexStreaming, ServiceName, "EvaluateStream", Marshallers.Create(EvaluateRequest.Parser), Marshallers.Create(EvaluateResponse.Parser));

    /// <summary><c>ListRuleSets</c>.</summary>
    public static readonly Method<ListRuleSetsRequest, ListRuleSetsResponse> ListRuleSets =
        new(MethodType.Unary, ServiceName, "ListRuleSets", Marshallers.Create(ListRuleSetsRequest.Parser), Marshallers.Create(ListRuleSetsResponse.Parser));

    /// <summary><c>GetRuleSet</c>.</summary>
    public static readonly Method<GetRuleSetRequest, RuleSet> GetRuleSet =
        new(MethodType.Unary, ServiceName, "GetRuleSet", Marshallers.Create(GetRuleSetRequest.Parser), Marshallers.Create(RuleSet.Parser));

    /// <summary><c>VerifyFigures</c>: declared figures against the platform's scraped metrics (scope <c>verify</c>).</summary>
    public static readonly Method<VerifyFiguresRequest, VerifyFiguresResponse> VerifyFigures =
        new(MethodType.Unary, ServiceName, "VerifyFigures", Marshallers.Create(VerifyFiguresRequest.Parser), Marshallers.Create(VerifyFiguresResponse.Parser));
}
