namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// Field tags (field number &lt;&lt; 3 | wire type) of the messages an EvaluateResponse holds, from
/// proto/scoringgrid/v1/scoring.proto and result.proto. Wire type 1 is a fixed 64-bit double,
/// 2 length-delimited, 0 a varint.
/// </summary>
internal static class WireTags
{
    public const uint ResponseApplicationId = (1 << 3) | 2;
    public const uint ResponseResult = (2 << 3) | 2;
    public const uint ResponseError = (3 << 3) | 2;

    public const uint ResultRuleSet = (1 << 3) | 2;
    public const uint ResultVersion = (2 << 3) | 2;
    public const uint ResultDigest = (3 << 3) | 2;
    public const uint ResultApplicationId = (4 << 3) | 2;
    public const uint ResultLevel = (5 << 3) | 2;
    public const uint ResultEligible = (6 << 3) | 0;
    public const uint ResultSelfScore = (7 << 3) | 1;
    public const uint ResultExpertScore = (8 << 3) | 1;
    public const uint ResultTotalScore = (9 << 3) | 1;
    public const uint ResultTotalScoreMin = (10 << 3) | 1;
    public const uint ResultTotalScoreMax = (11 << 3) | 1;
    public const uint ResultSubsidyYuan = (12 << 3) | 1;
    public const uint ResultPriority = (13 << 3) | 2;
    public const uint ResultCriterion = (14 << 3) | 2;
    public const uint ResultGap = (15 << 3) | 2;
    public const uint ResultNote = (16 << 3) | 2;

    public const uint CriterionId = (1 << 3) | 2;
    public const uint CriterionLevel = (2 << 3) | 2;
    public const uint CriterionPassed = (3 << 3) | 0;
    public const uint CriterionObserved = (4 << 3) | 1;
    public const uint CriterionRequired = (5 << 3) | 1;
    public const uint CriterionPoints = (6 << 3) | 1;
    public const uint CriterionMaxPoints = (7 << 3) | 1;
    public const uint CriterionExplanation = (8 << 3) | 2;
    public const uint CriterionExplanationZh = (9 << 3) | 2;
    public const uint CriterionKind = (10 << 3) | 2;

    public const uint GapLevel = (1 << 3) | 2;
    public const uint GapKind = (2 << 3) | 2;
    public const uint GapTarget = (3 << 3) | 2;
    public const uint GapCurrent = (4 << 3) | 1;
    public const uint GapNeeded = (5 << 3) | 1;
    public const uint GapText = (6 << 3) | 2;
    public const uint GapTextZh = (7 << 3) | 2;

    public const uint ErrorCode = (1 << 3) | 2;
    public const uint ErrorField = (2 << 3) | 2;
    public const uint ErrorMessage = (3 << 3) | 2;
}
