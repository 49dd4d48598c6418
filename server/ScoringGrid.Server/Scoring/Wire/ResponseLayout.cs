using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring.Wire;

/// <summary>
/// What the measuring pass learns and the writing pass needs, per thread: every nested message's
/// size (written before its contents) and the explanation texts with their UTF-8 lengths, which
/// are built and counted once. Reused, so a response costs no allocation of its own.
/// </summary>
internal sealed class ResponseLayout
{
    [ThreadStatic]
    private static ResponseLayout? t_layout;

    private CriterionLayout[] _criteria = new CriterionLayout[64];
    private GapLayout[] _gaps = new GapLayout[16];
    private int _criteriaUsed;

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

        _criteriaUsed = Math.Max(_criteriaUsed, count);
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

    /// <summary>Lets go of the texts and lists of the response just written, so the thread does not keep them alive.</summary>
    public void Release()
    {
        _criteria.AsSpan(0, _criteriaUsed).Clear();
        _criteriaUsed = 0;
        Gaps = [];
        Notes = [];
    }
}
