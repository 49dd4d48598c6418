namespace ScoringGrid.Collector;

/// <summary>A target definition is invalid; the message and <see cref="Field"/> name the field.</summary>
public sealed class TargetConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The configuration field at fault, e.g. <c>targets[2].timeout</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The underlying error, if any.</param>
    public TargetConfigException(string field, string message, Exception? inner = null)
        : base(message, inner)
    {
        Field = field;
    }

    /// <summary>The configuration field at fault.</summary>
    public string Field { get; }
}
