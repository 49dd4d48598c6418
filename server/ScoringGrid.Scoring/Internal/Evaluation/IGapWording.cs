namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>Words a gap from its values (current, needed, members), so no text is made until one is read or sent.</summary>
internal interface IGapWording
{
    void Write(Gap gap, Utf8TextBuilder en, Utf8TextBuilder zh);
}
