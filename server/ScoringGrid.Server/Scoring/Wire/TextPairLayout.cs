namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>Where one English text and its Chinese twin (an explanation, a gap's text) lie in the layout's builders; empty when not written.</summary>
internal struct TextPairLayout
{
    public int EnglishStart;
    public int EnglishLength;
    public int ChineseStart;
    public int ChineseLength;
}
