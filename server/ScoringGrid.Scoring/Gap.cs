namespace ScoringGrid.Scoring;

/// <summary>One smallest change that would help reach the next level.</summary>
/// <param name="Level">The level it is needed for.</param>
/// <param name="Kind"><c>items</c>, <c>subclasses</c>, <c>figure</c>, <c>flag</c>, <c>date</c>, <c>applicant</c>, <c>deployment</c>, <c>registry</c> or <c>expert</c>.</param>
/// <param name="Target">The figure, flag, date or item groups concerned.</param>
/// <param name="Current">The value now; null when not declared.</param>
/// <param name="Needed">The value needed.</param>
/// <param name="Text">The change in English, e.g. <c>+1,240 connected_devices</c>.</param>
/// <param name="TextZh">The change in Chinese.</param>
public sealed record Gap(string Level, string Kind, string Target, double? Current, double Needed, string Text, string TextZh);
