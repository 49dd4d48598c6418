namespace ScoringGrid.Rounds;

/// <summary>An application whose level, eligibility or score differs under another rule-set version.</summary>
/// <param name="ApplicationId">The application.</param>
/// <param name="LevelBefore">Level under the round's version (empty when none).</param>
/// <param name="LevelAfter">Level under the other version.</param>
/// <param name="EligibleBefore">Eligibility before.</param>
/// <param name="EligibleAfter">Eligibility after.</param>
/// <param name="ScoreBefore">Total score before.</param>
/// <param name="ScoreAfter">Total score after.</param>
/// <param name="Rules">The rules that made the difference.</param>
public sealed record ReplayChange(
    string ApplicationId,
    string LevelBefore,
    string LevelAfter,
    bool EligibleBefore,
    bool EligibleAfter,
    double? ScoreBefore,
    double? ScoreAfter,
    IReadOnlyList<CriterionChange> Rules);
