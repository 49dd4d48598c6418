namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>A gap message's size and the UTF-8 lengths of its strings.</summary>
internal struct GapLayout
{
    public int Size;
    public int LevelLength;
    public int KindLength;
    public int TargetLength;
    public int TextLength;
    public int TextZhLength;
}
