using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// What the measuring pass learns and the writing pass needs, per thread: every nested message's
/// size (written before its contents) and the explanation texts, written once as UTF-8 by the rules
/// (the English of every criterion in one builder, the Chinese in another). Reused, so a response
/// costs no allocation of its own.
/// </summary>
internal sealed class ResponseLayout
{
    [ThreadStatic]
    private static ResponseLayout? t_layout;

    private CriterionLayout[] _criteria = new CriterionLayout[64];
    private GapLayout[] _gaps = new GapLayout[16];
    private Utf8TextBuilder _english = new(8 * 1024);
    private Utf8TextBuilder _chinese = new(8 * 1024);

    // Builders grown past this for a rare huge response are not kept by the thread.
    private const int KeptTextBytes = 1024 * 1024;

    public static ResponseLayout ForThisThread => t_layout ??= new ResponseLayout();

    public int ResultSize { get; set; }

    public IReadOnlyList<Gap> Gaps { get; set; } = [];

    public IReadOnlyList<string> Notes { get; set; } = [];

    public Span<CriterionLayout> Criteria(int count)
    {
        if (_criteria.Length < count)
        {
            _criteria = new CriterionLayout[Math.Max(count, _criteria.Length * 2)];
        }

        return _criteria.AsSpan(0, count);
    }

    public Span<GapLayout> GapSizes(int count)
    {
        if (_gaps.Length < count)
        {
            _gaps = new GapLayout[Math.Max(count, _gaps.Length * 2)];
        }

        return _gaps.AsSpan(0, count);
    }

    /// <summary>Where every English text of the response (explanations, then gap texts) is written, one after another.</summary>
    public Utf8TextBuilder English => _english;

    /// <summary>Where the Chinese texts are written.</summary>
    public Utf8TextBuilder Chinese => _chinese;

    /// <summary>Marks where the next pair of texts begins in the builders; <see cref="EndTexts"/> records where it ends.</summary>
    public TextPairLayout StartTexts() => new() { EnglishStart = _english.Length, ChineseStart = _chinese.Length };

    public void EndTexts(ref TextPairLayout texts)
    {
        texts.EnglishLength = _english.Length - texts.EnglishStart;
        texts.ChineseLength = _chinese.Length - texts.ChineseStart;
    }

    public ReadOnlySpan<byte> EnglishBytes(TextPairLayout texts) => _english.Slice(texts.EnglishStart, texts.EnglishLength);

    public ReadOnlySpan<byte> ChineseBytes(TextPairLayout texts) => _chinese.Slice(texts.ChineseStart, texts.ChineseLength);

    /// <summary>Lets go of the lists and texts of the response just written, so the thread does not keep them alive.</summary>
    public void Release()
    {
        Gaps = [];
        Notes = [];
        _english.Clear();
        _chinese.Clear();
        if (_english.Capacity > KeptTextBytes || _chinese.Capacity > KeptTextBytes)
        {
            _english = new Utf8TextBuilder(8 * 1024);
            _chinese = new Utf8TextBuilder(8 * 1024);
        }
    }
}
