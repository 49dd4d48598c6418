namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>A criterion message's size and where its explanations' UTF-8 bytes are in the layout (empty in the SCORES view).</summary>
internal struct CriterionLayout
{
    public int Size;
    public TextPairLayout Explanations;
}
