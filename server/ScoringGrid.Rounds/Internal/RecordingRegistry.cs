using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>Wraps the live registry for one evaluation and remembers the ban it reported, for the audit record.</summary>
internal sealed class RecordingRegistry(IDisqualificationRegistry inner) : IDisqualificationRegistry
{
    public Disqualification? Seen { get; private set; }

    public Disqualification? Find(string creditCode, DateOnly asOf)
    {
        var ban = inner.Find(creditCode, asOf);
        Seen ??= ban;
        return ban;
    }
}
