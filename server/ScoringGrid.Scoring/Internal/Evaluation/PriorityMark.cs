namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>A mark that gives an application priority (e.g. <c>priority.5g</c>) without gating it.</summary>
internal sealed class PriorityMark(string id, string title, string titleZh, Condition condition)
{
    public string Id { get; } = id;

    /// <summary>This mark alone, shared by every result that earns only it (results never mutate it).</summary>
    public IReadOnlyList<string> AsList { get; } = Array.AsReadOnly(new[] { id });

    public string Title { get; } = title;

    public string TitleZh { get; } = titleZh;

    public Condition Condition { get; } = condition;

    public bool Applies(EvaluationInput input) => Condition.Evaluate(input, out _, out _);
}
