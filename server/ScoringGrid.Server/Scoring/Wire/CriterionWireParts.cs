namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// A criterion's pre-encoded constant fields, split where the per-application fields go between
/// them (ascending field numbers): id and level (1–2), max_points (7), kind (10).
/// </summary>
internal readonly record struct CriterionWireParts(byte[] IdAndLevel, byte[] MaxPoints, byte[] Kind)
{
    public int Size => IdAndLevel.Length + MaxPoints.Length + Kind.Length;
}
