namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>A gap message's size, the UTF-8 lengths of its strings, and where its texts' bytes are in the layout.</summary>
internal struct GapLayout
{
    public int Size;
    public int LevelLength;
    public int KindLength;
    public int TargetLength;
    public TextPairLayout Texts;
}
