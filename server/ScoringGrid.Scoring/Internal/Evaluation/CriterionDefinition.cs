using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>One rule at one level: what a result's <see cref="Criterion"/> reports on.</summary>
internal abstract class CriterionDefinition(string ruleId, string title, string titleZh, string level, int levelIndex)
{
    private readonly byte[] _titleUtf8 = Encoding.UTF8.GetBytes(title);
    private readonly byte[] _titleZhUtf8 = Encoding.UTF8.GetBytes(titleZh);

    public string RuleId { get; } = ruleId;

    /// <summary>The rule's short name as the programme calls it.</summary>
    public string Title { get; } = title;

    public string TitleZh { get; } = titleZh;

    /// <summary>The level this entry belongs to; empty for rules outside the ladder.</summary>
    public string Level { get; } = level;

    /// <summary>Index into the rule set's levels, lowest first; -1 outside the ladder.</summary>
    public int LevelIndex { get; } = levelIndex;

    public abstract string Kind { get; }

    public virtual double MaxPoints => 0;

    /// <summary>Whether failing it keeps the application from its level or eligibility.</summary>
    public virtual bool Gates => false;

    /// <summary>The threshold shown in rule listings, when there is one number.</summary>
    public virtual double? Threshold => null;

    /// <summary>The rule as an evaluator reads it.</summary>
    public abstract string Text { get; }

    public abstract string TextZh { get; }

    public abstract Criterion Evaluate(EvaluationInput input);

    /// <summary><see cref="Title"/> as UTF-8, for explanations.</summary>
    protected ReadOnlySpan<byte> TitleUtf8 => _titleUtf8;

    protected ReadOnlySpan<byte> TitleZhUtf8 => _titleZhUtf8;

    [ThreadStatic]
    private static Utf8TextBuilder? t_en;

    [ThreadStatic]
    private static Utf8TextBuilder? t_zh;

    /// <summary>Writes the explanation of an evaluated entry, in English and in Chinese, after what the builders hold.</summary>
    public abstract void WriteExplanations(in Criterion criterion, Utf8TextBuilder en, Utf8TextBuilder zh);

    /// <summary>The explanations as strings, written in builders reused per thread (explaining never explains another entry).</summary>
    public (string En, string Zh) Explain(in Criterion criterion)
    {
        var en = t_en ??= new Utf8TextBuilder(1024);
        var zh = t_zh ??= new Utf8TextBuilder(1024);
        en.Clear();
        zh.Clear();
        WriteExplanations(criterion, en, zh);
        var texts = (en.ToString(), zh.ToString());
        if (en.Capacity > 16 * 1024 || zh.Capacity > 16 * 1024)
        {
            // An unusually long explanation must not pin a large buffer to the thread.
            t_en = t_zh = null;
        }

        return texts;
    }

    /// <summary>Adds the changes that would make a failed entry pass.</summary>
    public virtual void AddGaps(EvaluationInput input, List<Gap> gaps)
    {
    }
}
