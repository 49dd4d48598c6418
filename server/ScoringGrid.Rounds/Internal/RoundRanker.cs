namespace ScoringGrid.Rounds.Internal;

/// <summary>
/// The in-memory ranking: one sort of compact keys. The comparison is total (group, primary,
/// secondary descending; first submission ascending; application id ordinal), so the unstable
/// introsort still gives one repeatable order. 100,000 entries sort in tens of milliseconds.
/// </summary>
internal static class RoundRanker
{
    /// <summary>Sorts <paramref name="entries"/> in place into rank order.</summary>
    public static void Rank(RankEntry[] entries) => Array.Sort(entries, RankComparer.Instance);

    /// <summary>Sorts a span in place into rank order.</summary>
    public static void Rank(Span<RankEntry> entries) => entries.Sort(RankComparer.Instance);

    private sealed class RankComparer : IComparer<RankEntry>
    {
        public static readonly RankComparer Instance = new();

        public int Compare(RankEntry x, RankEntry y)
        {
            if (x.Group != y.Group)
            {
                return x.Group > y.Group ? -1 : 1;
            }

            var c = y.Primary.CompareTo(x.Primary);
            if (c != 0)
            {
                return c;
            }

            c = y.Secondary.CompareTo(x.Secondary);
            if (c != 0)
            {
                return c;
            }

            c = x.FirstSubmittedMs.CompareTo(y.FirstSubmittedMs);
            return c != 0 ? c : string.CompareOrdinal(x.ApplicationId, y.ApplicationId);
        }
    }
}
