using System.Text;
using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// What the measuring pass learns and the writing pass needs, per thread: every nested message's
/// size (written before its contents) and the explanation texts, built once and encoded to UTF-8
/// once (counting and then encoding would transcode the long bilingual texts twice). Reused, so a
/// response costs no allocation of its own.
/// </summary>
internal sealed class ResponseLayout
{
    [ThreadStatic]
    private static ResponseLayout? t_layout;

    private CriterionLayout[] _criteria = new CriterionLayout[64];
    private GapLayout[] _gaps = new GapLayout[16];
    private byte[] _texts = new byte[16 * 1024];
    private int _textsUsed;
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();
    private StringBuilder _english = new(512);
    private StringBuilder _chinese = new(256);

    // A builder that grew past this for one unusually long explanation is not kept.
    private const int KeptBuilderCapacity = 8 * 1024;

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

    /// <summary>
    /// Encodes the text in <paramref name="text"/> for the writing pass, chunk by chunk (a surrogate
    /// pair split between chunks is carried over by the encoder), with no string in between; its
    /// bytes are <see cref="Text"/>(start, length).
    /// </summary>
    public (int Start, int Length) EncodeText(StringBuilder text)
    {
        var start = _textsUsed;
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_texts.Length - start < most)
        {
            Array.Resize(ref _texts, Math.Max(_texts.Length * 2, start + most));
        }

        var encoder = _encoder;
        encoder.Reset();
        var at = start;
        foreach (var chunk in text.GetChunks())
        {
            at += encoder.GetBytes(chunk.Span, _texts.AsSpan(at), flush: false);
        }

        at += encoder.GetBytes([], _texts.AsSpan(at), flush: true);
        _textsUsed = at;
        return (start, at - start);
    }

    /// <summary>Builders for one criterion's explanations, emptied for each use.</summary>
    public (StringBuilder English, StringBuilder Chinese) ExplanationBuilders()
    {
        if (_english.Capacity > KeptBuilderCapacity || _chinese.Capacity > KeptBuilderCapacity)
        {
            _english = new StringBuilder(512);
            _chinese = new StringBuilder(256);
        }

        return (_english.Clear(), _chinese.Clear());
    }

    public ReadOnlySpan<byte> Text(int start, int length) => _texts.AsSpan(start, length);

    /// <summary>Lets go of the lists and texts of the response just written, so the thread does not keep them alive.</summary>
    public void Release()
    {
        Gaps = [];
        Notes = [];
        _textsUsed = 0;
        if (_texts.Length > KeptTextBytes)
        {
            _texts = new byte[16 * 1024];
        }
    }

    // A rare huge response must not pin its text buffer to the thread.
    private const int KeptTextBytes = 1024 * 1024;
}
