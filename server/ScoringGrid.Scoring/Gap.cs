using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring;

/// <summary>
/// One smallest change that would help reach the next level. Texts built from numbers and lists
/// (ticking items, raising a figure) are worded from the gap's own values when first read, or
/// written straight as UTF-8 by a writer that sends them (<see cref="WriteTexts"/>).
/// </summary>
public sealed class Gap
{
    private readonly IGapWording? _wording;
    private string? _text;
    private string? _textZh;

    /// <summary>A gap with its texts given.</summary>
    /// <param name="level">The level it is needed for.</param>
    /// <param name="kind"><c>items</c>, <c>subclasses</c>, <c>figure</c>, <c>flag</c>, <c>date</c>, <c>applicant</c>, <c>deployment</c>, <c>registry</c> or <c>expert</c>.</param>
    /// <param name="target">The figure, flag, date or item groups concerned.</param>
    /// <param name="current">The value now; null when not declared.</param>
    /// <param name="needed">The value needed.</param>
    /// <param name="text">The change in English, e.g. <c>+1,240 connected_devices</c>.</param>
    /// <param name="textZh">The change in Chinese.</param>
    public Gap(string level, string kind, string target, double? current, double needed, string text, string textZh)
        : this(level, kind, target, current, needed, (IGapWording?)null, null)
    {
        _text = text;
        _textZh = textZh;
    }

    /// <summary>A gap worded by <paramref name="wording"/> from its values and <paramref name="members"/>.</summary>
    internal Gap(string level, string kind, string target, double? current, double needed, IGapWording? wording, ulong[]? members)
    {
        Level = level;
        Kind = kind;
        Target = target;
        Current = current;
        Needed = needed;
        _wording = wording;
        Members = members;
    }

    /// <summary>The level it is needed for.</summary>
    public string Level { get; }

    /// <summary><c>items</c>, <c>subclasses</c>, <c>figure</c>, <c>flag</c>, <c>date</c>, <c>applicant</c>, <c>deployment</c>, <c>registry</c> or <c>expert</c>.</summary>
    public string Kind { get; }

    /// <summary>The figure, flag, date or item groups concerned.</summary>
    public string Target { get; }

    /// <summary>The value now; null when not declared.</summary>
    public double? Current { get; }

    /// <summary>The value needed.</summary>
    public double Needed { get; }

    /// <summary>The change in English, e.g. <c>+1,240 connected_devices</c>.</summary>
    public string Text => _text ?? Word().En;

    /// <summary>The change in Chinese.</summary>
    public string TextZh => _textZh ?? Word().Zh;

    /// <summary>Which candidates (items, sub-classes) the wording lists, one bit each; null when it lists none.</summary>
    internal ulong[]? Members { get; }

    /// <summary>Both texts written as UTF-8 after what the builders hold.</summary>
    public void WriteTexts(Utf8TextBuilder english, Utf8TextBuilder chinese)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(chinese);
        if (_wording is null)
        {
            english.Append(_text!);
            chinese.Append(_textZh!);
            return;
        }

        _wording.Write(this, english, chinese);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Level} {Kind} {Target}: {Text}";

    // Worded once; two threads that race word it twice, to equal strings.
    private (string En, string Zh) Word()
    {
        var en = new Utf8TextBuilder(128);
        var zh = new Utf8TextBuilder(128);
        _wording!.Write(this, en, zh);
        var texts = (en.ToString(), zh.ToString());
        _textZh = texts.Item2;
        _text = texts.Item1;
        return texts;
    }
}
