namespace ScoringGrid.Server.Scoring;

/// <summary>What became of an EvaluateRequest scored from its bytes.</summary>
internal enum WireEvaluation
{
    /// <summary>Answered: a result or the application's error.</summary>
    Scored,

    /// <summary>Not a valid EvaluateRequest message: the call fails as the transport fails an unparsable message.</summary>
    Unparsable,

    /// <summary>The application asks for verified figures, which the caller scores with I/O from the parsed message.</summary>
    NeedsVerification,
}
