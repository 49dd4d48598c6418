using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>One evaluation: the exact input scored, its hash, the result and the ban the registry reported.</summary>
internal sealed record ScoredInput(
    Application Application, string Input, string InputSha256, ScoreResult Result, string ResultJson, Disqualification? Ban)
{
    /// <summary>The audit dedupe value: same input and same result under one digest means an evaluation already on record.</summary>
    public string Fingerprint => InputSha256 + ":" + Sha256Hex.Of(ResultJson);
}
