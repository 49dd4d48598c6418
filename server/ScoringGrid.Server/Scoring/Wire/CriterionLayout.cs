namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>A criterion message's size and its explanations (empty in the SCORES view).</summary>
internal struct CriterionLayout
{
    public int Size;
    public string Explanation;
    public int ExplanationLength;
    public string ExplanationZh;
    public int ExplanationZhLength;
}
