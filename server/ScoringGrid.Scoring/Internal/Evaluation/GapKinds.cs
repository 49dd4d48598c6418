namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>The <see cref="Gap.Kind"/> values.</summary>
internal static class GapKinds
{
    public const string Items = "items";
    public const string Subclasses = "subclasses";
    public const string Figure = "figure";
    public const string Flag = "flag";
    public const string Date = "date";
    public const string Applicant = "applicant";
    public const string Deployment = "deployment";
    public const string Registry = "registry";
    public const string Expert = "expert";
}
