using System.Text;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>One rule at one level: what a result's <see cref="Criterion"/> reports on.</summary>
internal abstract class CriterionDefinition(string ruleId, string title, string titleZh, string level, int levelIndex)
{
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

    /// <summary>The explanation of an evaluated entry, in English and Chinese.</summary>
    public abstract (string En, string Zh) Explain(in Criterion criterion);

    /// <summary>The same texts as <see cref="Explain"/>, appended to the caller's builders.</summary>
    public virtual void AppendExplanations(in Criterion criterion, StringBuilder en, StringBuilder zh)
    {
        var (english, chinese) = Explain(criterion);
        en.Append(english);
        zh.Append(chinese);
    }

    /// <summary>Adds the changes that would make a failed entry pass.</summary>
    public virtual void AddGaps(EvaluationInput input, List<Gap> gaps)
    {
    }
}
