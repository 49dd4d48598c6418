using System.Collections.Frozen;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// An application resolved against one rule set: ids turned into dense indices so rules read
/// arrays, never dictionaries. Reused across evaluations when the caller reuses a result.
/// </summary>
internal sealed class EvaluationInput
{
    public const int MissingDate = int.MinValue;

    public EvaluationInput(CompiledRuleSet ruleSet)
    {
        RuleSet = ruleSet;
        Items = new ulong[ruleSet.ItemWordCount];
        Figures = new double[ruleSet.FigureIds.Count];
        DeclaredFigures = new double[ruleSet.FigureIds.Count];
        Flags = new sbyte[ruleSet.FlagIds.Count];
        Dates = new int[ruleSet.DateIds.Count];
        ExpertMeans = new double[ruleSet.ExpertLineCount];
        ExpertCounts = new int[ruleSet.ExpertLineCount];
    }

    public CompiledRuleSet RuleSet { get; }

    /// <summary>One bit per item of the rule set, in declaration order.</summary>
    public ulong[] Items { get; }

    /// <summary>The figures rules read (observed ones where verification lowered them); NaN = not declared.</summary>
    public double[] Figures { get; }

    /// <summary>The figures as declared, for notes and explanations.</summary>
    public double[] DeclaredFigures { get; }

    /// <summary>1 = yes, -1 = no, 0 = not declared.</summary>
    public sbyte[] Flags { get; }

    /// <summary>Day numbers (<see cref="DateOnly.DayNumber"/>); <see cref="MissingDate"/> = not declared.</summary>
    public int[] Dates { get; }

    /// <summary>Mean expert score per expert line; NaN = not entered yet.</summary>
    public double[] ExpertMeans { get; }

    /// <summary>How many experts entered each expert line.</summary>
    public int[] ExpertCounts { get; }

    public string Province { get; set; } = "";

    public string Deployment { get; set; } = "";

    public string Provider { get; set; } = "";

    public string CreditCode { get; set; } = "";

    public DateOnly AsOf { get; set; }

    public IDisqualificationRegistry Registry { get; set; } = DisqualificationRegistry.Empty;

    public FrozenSet<string>? ProviderPool { get; set; }

    /// <summary>Notes about this application (ignored items, observed figures used); null when none.</summary>
    public List<string>? Notes { get; set; }

    public bool HasItem(int index) => (Items[index >> 6] & (1UL << (index & 63))) != 0;

    public void Reset()
    {
        Array.Clear(Items);
        Array.Fill(Figures, double.NaN);
        Array.Fill(DeclaredFigures, double.NaN);
        Array.Clear(Flags);
        Array.Fill(Dates, MissingDate);
        Array.Fill(ExpertMeans, double.NaN);
        Array.Clear(ExpertCounts);
        Province = Deployment = Provider = CreditCode = "";
        Notes = null;
    }

    public void AddNote(string note) => (Notes ??= []).Add(note);
}
