namespace ScoringGrid.Scoring.Internal;

/// <summary>Orders versions part by part, numerically where both parts are numbers ("2019.10" after "2019.9").</summary>
internal static class VersionOrder
{
    public static int Compare(string a, string b)
    {
        var pa = a.Split('.', '-');
        var pb = b.Split('.', '-');
        for (var i = 0; i < Math.Min(pa.Length, pb.Length); i++)
        {
            var c = long.TryParse(pa[i], out var na) && long.TryParse(pb[i], out var nb)
                ? na.CompareTo(nb)
                : string.CompareOrdinal(pa[i], pb[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return pa.Length.CompareTo(pb.Length);
    }
}
