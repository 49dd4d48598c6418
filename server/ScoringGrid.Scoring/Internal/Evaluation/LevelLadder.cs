namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// Picks the highest level whose gating rules all pass; levels are evaluated independently
/// (a tier does not need the tier below it). Gates outside the ladder decide eligibility.
/// </summary>
internal sealed class LevelLadder
{
    private readonly int[][] _byLevel;
    private readonly int[] _unlevelledGates;

    public LevelLadder(int levelCount, CriterionDefinition[] criteria)
    {
        var byLevel = new List<int>[levelCount];
        for (var l = 0; l < levelCount; l++)
        {
            byLevel[l] = [];
        }

        var gates = new List<int>();
        for (var i = 0; i < criteria.Length; i++)
        {
            var c = criteria[i];
            if (!c.Gates)
            {
                continue;
            }

            if (c.LevelIndex >= 0)
            {
                byLevel[c.LevelIndex].Add(i);
            }
            else
            {
                gates.Add(i);
            }
        }

        _byLevel = Array.ConvertAll(byLevel, static l => l.ToArray());
        _unlevelledGates = [.. gates];
    }

    public int LevelCount => _byLevel.Length;

    /// <summary>The index of the level reached, -1 for none; <paramref name="eligible"/> for unlevelled gates.</summary>
    public int Reached(Criterion[] criteria, out bool eligible)
    {
        eligible = AllPass(criteria, _unlevelledGates);
        if (!eligible)
        {
            return -1;
        }

        for (var level = _byLevel.Length - 1; level >= 0; level--)
        {
            if (AllPass(criteria, _byLevel[level]))
            {
                return level;
            }
        }

        if (_byLevel.Length > 0)
        {
            eligible = false;
        }

        return -1;
    }

    private static bool AllPass(Criterion[] criteria, int[] indices)
    {
        foreach (var i in indices)
        {
            if (!criteria[i].Passed)
            {
                return false;
            }
        }

        return true;
    }
}
