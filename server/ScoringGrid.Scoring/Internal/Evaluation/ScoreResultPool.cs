namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// Results of one rule set kept for reuse by servers that score, write and forget (a result and its
/// buffers are ~2 KB that would otherwise be garbage per application). Lock-free and bounded: a
/// rent finding no result makes one, a return finding no free slot drops it.
/// </summary>
internal sealed class ScoreResultPool(CompiledRuleSet ruleSet)
{
    // Results are out only between scoring and writing, on the threads doing that: a few per core suffice.
    private readonly ScoreResult?[] _slots = new ScoreResult?[Math.Max(8, 4 * Environment.ProcessorCount)];

    public ScoreResult Rent()
    {
        var slots = _slots;
        for (var i = 0; i < slots.Length; i++)
        {
            var result = Volatile.Read(ref slots[i]);
            if (result is not null && ReferenceEquals(Interlocked.CompareExchange(ref slots[i], null, result), result))
            {
                return result;
            }
        }

        return new ScoreResult(ruleSet);
    }

    public void Return(ScoreResult result)
    {
        var slots = _slots;
        for (var i = 0; i < slots.Length; i++)
        {
            if (Volatile.Read(ref slots[i]) is null && Interlocked.CompareExchange(ref slots[i], result, null) is null)
            {
                return;
            }
        }
    }
}
