using System.Text;

namespace ScoringGrid.Collector.Internal;

// Which live member should own each target: rendezvous hashing with bounded load. Every target
// ranks the members by a hash of (member, target); targets are taken in platform-id order and
// each goes to its highest-ranked member that still has fewer than ceil(targets / members).
// A pure function of the two sets, so collectors that see the same members and targets agree
// without talking to each other; plain rendezvous would leave ±√n imbalance (30 targets on 3
// members: 10 ± 2.6), the cap makes the shares exact. A member joining or leaving moves
// mostly the targets that rank it first.
internal static class LeaseAssignment
{
    public static Dictionary<string, string> Assign(IReadOnlyList<string> members, IReadOnlyList<string> targets)
    {
        var result = new Dictionary<string, string>(targets.Count, StringComparer.Ordinal);
        if (members.Count == 0)
        {
            return result;
        }

        var sortedMembers = members.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sortedTargets = targets.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var memberHashes = sortedMembers.Select(static m => Fnv(Encoding.UTF8.GetBytes(m), Basis)).ToArray();
        var cap = (sortedTargets.Length + sortedMembers.Length - 1) / sortedMembers.Length;
        var load = new int[sortedMembers.Length];
        foreach (var target in sortedTargets)
        {
            var targetBytes = Encoding.UTF8.GetBytes(target);
            var best = -1;
            ulong bestScore = 0;
            for (var m = 0; m < sortedMembers.Length; m++)
            {
                var score = Score(memberHashes[m], targetBytes);
                if (load[m] < cap && (best < 0 || score > bestScore))
                {
                    best = m;
                    bestScore = score;
                }
            }

            load[best]++;
            result[target] = sortedMembers[best];
        }

        return result;
    }

    private const ulong Basis = 14695981039346656037;

    // FNV-1a of the target bytes, seeded with the member's hash, then the splitmix64 finaliser:
    // FNV alone is weak in the high bits that decide the comparison.
    private static ulong Score(ulong memberHash, ReadOnlySpan<byte> target)
    {
        var x = Fnv(target, memberHash ^ 0x9E3779B97F4A7C15);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    private static ulong Fnv(ReadOnlySpan<byte> bytes, ulong hash)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211;
        }

        return hash;
    }
}
