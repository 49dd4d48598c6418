namespace ScoringGrid.Scoring;

/// <summary>A checklist group as the programme lists it.</summary>
/// <param name="Id">Group id, e.g. <c>app</c>.</param>
/// <param name="Title">English title.</param>
/// <param name="TitleZh">Chinese title.</param>
/// <param name="Items">Item ids in the programme's order.</param>
/// <param name="OnlyWhenFlag">Items count only for applicants with this flag (empty when always).</param>
public sealed record ItemGroupInfo(string Id, string Title, string TitleZh, IReadOnlyList<string> Items, string OnlyWhenFlag);

/// <summary>One rule at one level as an evaluator reads it.</summary>
/// <param name="Id">Rule id.</param>
/// <param name="Level">Level, empty outside the ladder.</param>
/// <param name="Kind"><c>check</c>, <c>line</c>, <c>expert</c>, <c>report</c>, <c>subsidy</c> or <c>priority</c>.</param>
/// <param name="Title">Short name in English.</param>
/// <param name="TitleZh">Short name in Chinese.</param>
/// <param name="Text">The rule in English.</param>
/// <param name="TextZh">The rule in Chinese.</param>
/// <param name="Threshold">The number to reach, when the rule is one comparison.</param>
/// <param name="MaxPoints">Points available (score lines).</param>
public sealed record RuleInfo(
    string Id, string Level, string Kind, string Title, string TitleZh, string Text, string TextZh, double? Threshold, double MaxPoints);
