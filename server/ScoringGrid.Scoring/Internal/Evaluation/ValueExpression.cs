using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A number a rule compares: a figure, a derived value, a count of ticked items.</summary>
internal abstract class ValueExpression
{
    /// <summary>How the rule text names this value, e.g. <c>connected_devices</c>.</summary>
    public abstract string Text { get; }

    /// <summary>The same in Chinese; figure ids read the same in both.</summary>
    public virtual string TextZh => Text;

    private byte[]? _textUtf8;
    private byte[]? _textZhUtf8;

    /// <summary><see cref="Text"/> as UTF-8, encoded once (a race encodes it twice, to equal bytes).</summary>
    public ReadOnlySpan<byte> TextUtf8 => _textUtf8 ??= Encoding.UTF8.GetBytes(Text);

    public ReadOnlySpan<byte> TextZhUtf8 => _textZhUtf8 ??= Encoding.UTF8.GetBytes(TextZh);

    /// <summary>The value for this application; NaN when what it needs was not declared.</summary>
    public abstract double Evaluate(EvaluationInput input);

    /// <summary>The smallest change that raises the value to <paramref name="needed"/>.</summary>
    public abstract Gap GapTo(EvaluationInput input, string level, double current, double needed);
}
