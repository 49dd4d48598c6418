namespace ScoringGrid.Rounds;

/// <summary>What an audit record records.</summary>
public static class AuditKinds
{
    /// <summary>An application submitted (or resubmitted) into a round, scored on arrival.</summary>
    public const string Submission = "submission";

    /// <summary>An application scored (on request or while ranking).</summary>
    public const string Evaluation = "evaluation";

    /// <summary>An expert entered a line score; the record carries the evaluation that followed.</summary>
    public const string ExpertScore = "expert_score";

    /// <summary>An application re-scored under another rule-set version.</summary>
    public const string Replay = "replay";
}
