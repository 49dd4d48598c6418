using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>The registry as an audit record saw it: the recorded ban, or none.</summary>
internal sealed class SnapshotRegistry(Disqualification? ban) : IDisqualificationRegistry
{
    public Disqualification? Find(string creditCode, DateOnly asOf) =>
        ban is not null && string.Equals(ban.CreditCode, creditCode, StringComparison.Ordinal) ? ban : null;
}
