using System.Buffers;
using System.Text;
using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring;

/// <summary>
/// An application declared straight in one rule set's terms, for readers of wire formats: each id is
/// handed over as the UTF-8 bytes it arrived in and looked up once, in the rule set's own tables,
/// with no string, dictionary or second lookup in between (under load, what a request costs is
/// mostly the memory it touches). It scores exactly as the same <see cref="Application"/> would.
/// </summary>
/// <remarks>
/// Only what scores without an error is accepted: an id the rule set does not know, a figure it
/// would refuse, a malformed date or an expert score out of range makes the <c>TryAdd</c>/<c>TrySet</c>
/// call return false, and the caller reads the application as an <see cref="Application"/> instead,
/// whose scoring names the error the way every other path does. Declaring an id again replaces its
/// value, as a map entry read later does. Not thread-safe; one instance is reused, application
/// after application.
/// </remarks>
public sealed class IndexedApplication
{
    private int[] _items = new int[16];
    private int _itemCount;

    // Whether Input holds anything since it was last emptied: an application that declared nothing
    // (or was just scored) skips emptying its arrays again, which under load are cold.
    private bool _declared;

    /// <summary>An empty application of <paramref name="ruleSet"/>.</summary>
    public IndexedApplication(CompiledRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        RuleSet = ruleSet;
        Input = new EvaluationInput(ruleSet);
        Input.Reset();
    }

    /// <summary>The rule set whose ids this application is declared in.</summary>
    public CompiledRuleSet RuleSet { get; }

    /// <summary>Caller-chosen id, echoed in results.</summary>
    public string Id { get; set; } = "";

    /// <summary>One of <c>public</c>, <c>private</c>, <c>hybrid</c>, <c>dedicated</c>; empty when not declared.</summary>
    public string Deployment { get; set; } = "";

    /// <summary>The applicant's province (<see cref="Applicant.Province"/>).</summary>
    public string Province { get; set; } = "";

    /// <summary>The applicant's cloud provider (<see cref="Applicant.Provider"/>).</summary>
    public string Provider { get; set; } = "";

    /// <summary>The applicant's unified social credit code (<see cref="Applicant.CreditCode"/>).</summary>
    public string CreditCode { get; set; } = "";

    /// <summary>The declarations, written where scoring reads them; handed to the result when scored.</summary>
    internal EvaluationInput Input { get; private set; }

    /// <summary>Ticks the item whose id is <paramref name="utf8Id"/>; false when the rule set has no such item.</summary>
    public bool TryAddItem(ReadOnlySpan<byte> utf8Id)
    {
        var index = RuleSet.ItemTable.Find(utf8Id);
        if (index < 0)
        {
            return false;
        }

        // Ticked when scored: whether an item of a conditional group counts depends on flags that may come later.
        if (_itemCount == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_itemCount++] = index;
        _declared = true;
        return true;
    }

    /// <summary>Declares a figure; false when the rule set has no such figure or the value is not finite and ≥ 0.</summary>
    public bool TrySetFigure(ReadOnlySpan<byte> utf8Id, double value)
    {
        var index = RuleSet.FigureTable.Find(utf8Id);
        if (index < 0 || !ApplicationResolver.IsValidFigure(value))
        {
            return false;
        }

        Input.Figures[index] = value;
        Input.DeclaredFigures[index] = value;
        _declared = true;
        return true;
    }

    /// <summary>Declares a yes/no flag; false when the rule set has no such flag.</summary>
    public bool TrySetFlag(ReadOnlySpan<byte> utf8Id, bool value)
    {
        var index = RuleSet.FlagTable.Find(utf8Id);
        if (index < 0)
        {
            return false;
        }

        Input.Flags[index] = value ? (sbyte)1 : (sbyte)-1;
        _declared = true;
        return true;
    }

    /// <summary>
    /// Declares a date given as <c>YYYY-MM-DD</c> in UTF-8; false when the rule set has no such date
    /// or the text is not such a date.
    /// </summary>
    public bool TrySetDate(ReadOnlySpan<byte> utf8Id, ReadOnlySpan<byte> utf8Date)
    {
        var index = RuleSet.DateTable.Find(utf8Id);
        if (index < 0 || utf8Date.Length != 10)
        {
            return false;
        }

        // Ten ASCII bytes are ten chars; anything else is not a date in this format.
        Span<char> text = stackalloc char[10];
        if (Ascii.ToUtf16(utf8Date, text, out _) != OperationStatus.Done || !ApplicationResolver.TryParseDate(text, out var day))
        {
            return false;
        }

        Input.Dates[index] = day;
        _declared = true;
        return true;
    }

    /// <summary>
    /// Enters the scores of the experts on one expert line (averaged); false when the rule set has no
    /// such line or a score is not finite or outside 0 to the line's weight. No scores leave the line
    /// not entered yet.
    /// </summary>
    public bool TrySetExpertScores(ReadOnlySpan<byte> utf8LineId, ReadOnlySpan<double> scores)
    {
        var line = RuleSet.ExpertTable.Find(utf8LineId);
        if (line < 0 || !ApplicationResolver.TryEnterExpertScores(RuleSet, Input, line, scores, out _))
        {
            return false;
        }

        _declared = true;
        return true;
    }

    /// <summary>Forgets every declaration, for the next application of the same rule set.</summary>
    public void Reset()
    {
        if (_declared)
        {
            Input.Reset();
            _declared = false;
        }

        _itemCount = 0;
        Id = Deployment = Province = Provider = CreditCode = "";
    }

    /// <summary>
    /// Fills in what needs no id and ticks the items now that every flag is in; the error a scored
    /// <see cref="Application"/> with the same declarations would give, if any.
    /// </summary>
    internal ScoringError? Complete(ScoringOptions options)
    {
        _declared = true;
        var error = ApplicationResolver.Begin(RuleSet, Input, options, Province, Provider, CreditCode, Deployment);
        if (error is not null)
        {
            return error;
        }

        for (var i = 0; i < _itemCount; i++)
        {
            ApplicationResolver.TickItem(RuleSet, Input, _items[i]);
        }

        return null;
    }

    /// <summary>Hands the declarations to <paramref name="result"/> and takes its old input, emptied, in return.</summary>
    internal void MoveInto(ScoreResult result)
    {
        var declared = Input;
        Input = result.Input;
        result.Input = declared;
        _declared = true; // the result's last application
        Reset();
    }
}
