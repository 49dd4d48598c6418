using ScoringGrid.Scoring;

namespace ScoringGrid.Rounds.Internal;

/// <summary>
/// Scores an application the way the audit trail can repeat: expert scores merged in, the merged
/// document written canonically and read back, and that re-read document scored with a clock
/// stopped at the evaluation time. Re-derivation runs the same steps from the stored text.
/// </summary>
internal static class RoundScorer
{
    public static ScoredInput? Score(
        CompiledRuleSet ruleSet,
        Application application,
        IReadOnlyDictionary<string, double[]>? experts,
        RoundsOptions options,
        IDisqualificationRegistry bans,
        DateTimeOffset at,
        out ScoringError? error)
    {
        if (experts is not null)
        {
            // The round's expert entries win over any a portal put into the document.
            foreach (var (line, scores) in experts)
            {
                application.ExpertScores[line] = scores;
            }
        }

        var input = ApplicationWriter.ToJson(application);
        return ScoreInput(ruleSet, input, bans, options.ProviderPool, at, out error);
    }

    public static ScoredInput? ScoreInput(
        CompiledRuleSet ruleSet,
        string input,
        IDisqualificationRegistry registry,
        IReadOnlySet<string>? providerPool,
        DateTimeOffset at,
        out ScoringError? error)
    {
        var application = ApplicationJson.Parse(input, out error);
        if (application is null)
        {
            return null;
        }

        var recording = new RecordingRegistry(registry);
        var scoring = new ScoringOptions { TimeProvider = new FixedTimeProvider(at), Registry = recording, ProviderPool = providerPool };
        var outcome = ruleSet.Score(application, scoring);
        if (!outcome.Succeeded)
        {
            error = outcome.Error;
            return null;
        }

        error = null;
        return new ScoredInput(application, input, Sha256Hex.Of(input), outcome.Result, ScoreResultJson.ToJson(outcome.Result), recording.Seen);
    }

    /// <summary>"line:expert" fields of the experts hash → scores per line, experts in id order.</summary>
    public static Dictionary<string, double[]> GroupExperts(IEnumerable<(string Field, double Score)> entries)
    {
        var byLine = new SortedDictionary<string, SortedDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (field, score) in entries)
        {
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var line = field[..colon];
            if (!byLine.TryGetValue(line, out var experts))
            {
                byLine[line] = experts = new SortedDictionary<string, double>(StringComparer.Ordinal);
            }

            experts[field[(colon + 1)..]] = score;
        }

        var result = new Dictionary<string, double[]>(byLine.Count, StringComparer.Ordinal);
        foreach (var (line, experts) in byLine)
        {
            result[line] = [.. experts.Values];
        }

        return result;
    }
}
