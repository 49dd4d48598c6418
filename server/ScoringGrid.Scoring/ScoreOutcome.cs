using System.Diagnostics.CodeAnalysis;

namespace ScoringGrid.Scoring;

/// <summary>Either a result or an error for one application; never both.</summary>
public readonly struct ScoreOutcome
{
    private ScoreOutcome(ScoreResult? result, ScoringError? error)
    {
        Result = result;
        Error = error;
    }

    /// <summary>The explained result, when the application could be scored.</summary>
    public ScoreResult? Result { get; }

    /// <summary>Why it could not be scored.</summary>
    public ScoringError? Error { get; }

    /// <summary>True when <see cref="Result"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Result))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Result is not null;

    /// <summary>A scored outcome.</summary>
    public static ScoreOutcome Success(ScoreResult result) => new(result, null);

    /// <summary>A failed outcome.</summary>
    public static ScoreOutcome Failure(ScoringError error) => new(null, error);
}
