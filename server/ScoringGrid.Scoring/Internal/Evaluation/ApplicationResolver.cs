using System.Globalization;

namespace ScoringGrid.Scoring.Internal.Evaluation;

/// <summary>
/// Checks an application against a rule set's vocabulary and writes it into dense arrays.
/// Every id is looked up once here; rules never see a string id again.
/// </summary>
internal static class ApplicationResolver
{
    public static ScoringError? Resolve(
        CompiledRuleSet rs, Application app, EvaluationInput input, ScoringOptions options, IReadOnlyDictionary<string, double>? observed)
    {
        input.Reset();
        return Begin(rs, input, options, app.Applicant.Province, app.Applicant.Provider, app.Applicant.CreditCode, app.Deployment)
            ?? ResolveFlags(rs, app, input)
            ?? ResolveItems(rs, app, input)
            ?? ResolveFigures(rs, app, input, observed)
            ?? ResolveDates(rs, app, input)
            ?? ResolveExperts(rs, app, input);
    }

    /// <summary>
    /// The part of resolving that takes no ids: who applies, the deployment, what the options supply.
    /// Shared with <see cref="IndexedApplication"/>, whose ids are resolved as they are read.
    /// </summary>
    public static ScoringError? Begin(
        CompiledRuleSet rs, EvaluationInput input, ScoringOptions options, string province, string provider, string creditCode, string deployment)
    {
        input.Province = province;
        input.Provider = provider;
        input.CreditCode = creditCode;
        input.AsOf = DateOnly.FromDateTime(options.TimeProvider.GetUtcNow().UtcDateTime);
        input.Registry = options.Registry;
        input.ProviderPool = rs.ProviderPoolFor(options);
        if (deployment.Length > 0 && deployment is not ("public" or "private" or "hybrid" or "dedicated"))
        {
            return ScoringErrors.InvalidDeployment(deployment);
        }

        input.Deployment = deployment;
        return null;
    }

    /// <summary>
    /// Ticks one known item, after the flags are in: items of a conditional group (IT services) count
    /// only for applicants that meet it, and the result notes the others.
    /// </summary>
    public static void TickItem(CompiledRuleSet rs, EvaluationInput input, int index)
    {
        var onlyWhen = rs.ItemOnlyWhenFlag[index];
        if (onlyWhen >= 0 && input.Flags[onlyWhen] <= 0)
        {
            input.AddNote($"{rs.ItemIds[index]} ignored: {rs.FlagIds[onlyWhen]} is not declared yes");
            return;
        }

        input.Items[index >> 6] |= 1UL << (index & 63);
    }

    /// <summary>Whether a declared figure is one scoring takes: finite and ≥ 0.</summary>
    public static bool IsValidFigure(double value) => double.IsFinite(value) && value >= 0;

    /// <summary>A declared <c>YYYY-MM-DD</c> date as its day number.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out int dayNumber)
    {
        var parsed = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        dayNumber = date.DayNumber;
        return parsed;
    }

    /// <summary>
    /// Enters the experts' mean on one line (no scores: not entered yet); false, with the first score
    /// refused, when one is not finite or outside 0 to the line's weight.
    /// </summary>
    public static bool TryEnterExpertScores(CompiledRuleSet rs, EvaluationInput input, int line, ReadOnlySpan<double> scores, out double refused)
    {
        var weight = rs.ExpertLines[line].Weight;
        var sum = 0.0;
        foreach (var score in scores)
        {
            if (!double.IsFinite(score) || score < 0 || score > weight)
            {
                refused = score;
                return false;
            }

            sum += score;
        }

        refused = 0;
        input.ExpertMeans[line] = scores.Length > 0 ? sum / scores.Length : double.NaN;
        input.ExpertCounts[line] = scores.Length;
        return true;
    }

    private static ScoringError? ResolveFlags(CompiledRuleSet rs, Application app, EvaluationInput input)
    {
        foreach (var (id, value) in app.Flags)
        {
            if (!rs.FlagIndex.TryGetValue(id, out var index))
            {
                return ScoringErrors.UnknownFlag(id, rs.Key);
            }

            input.Flags[index] = value ? (sbyte)1 : (sbyte)-1;
        }

        return null;
    }

    private static ScoringError? ResolveItems(CompiledRuleSet rs, Application app, EvaluationInput input)
    {
        var items = app.Items;
        for (var i = 0; i < items.Count; i++)
        {
            if (!rs.ItemIndex.TryGetValue(items[i], out var index))
            {
                return ScoringErrors.UnknownItem(i, items[i], rs.Key);
            }

            TickItem(rs, input, index);
        }

        return null;
    }

    private static ScoringError? ResolveFigures(
        CompiledRuleSet rs, Application app, EvaluationInput input, IReadOnlyDictionary<string, double>? observed)
    {
        foreach (var (id, value) in app.Figures)
        {
            if (!rs.FigureIndex.TryGetValue(id, out var index))
            {
                return ScoringErrors.UnknownFigure(id, rs.Key);
            }

            if (!IsValidFigure(value))
            {
                return ScoringErrors.BadFigure(id, value);
            }

            input.DeclaredFigures[index] = value;
            input.Figures[index] = value;
            // Verification: a live source that saw less than was declared wins, and the result says so.
            if (observed is not null && observed.TryGetValue(id, out var seen) && seen < value)
            {
                input.Figures[index] = seen;
                input.AddNote(string.Create(CultureInfo.InvariantCulture,
                    $"{id}: declared {Numbers.Format(value)}, observed {Numbers.Format(seen)}; the observed value is used"));
            }
        }

        return null;
    }

    private static ScoringError? ResolveDates(CompiledRuleSet rs, Application app, EvaluationInput input)
    {
        foreach (var (id, text) in app.Dates)
        {
            if (!rs.DateIndex.TryGetValue(id, out var index))
            {
                return ScoringErrors.UnknownDate(id, rs.Key);
            }

            if (!TryParseDate(text, out var day))
            {
                return ScoringErrors.MalformedDate(id, text);
            }

            input.Dates[index] = day;
        }

        return null;
    }

    private static ScoringError? ResolveExperts(CompiledRuleSet rs, Application app, EvaluationInput input)
    {
        foreach (var (id, scores) in app.ExpertScores)
        {
            if (!rs.ExpertIndex.TryGetValue(id, out var line))
            {
                return ScoringErrors.UnknownExpertLine(id, rs.Key);
            }

            if (!TryEnterExpertScores(rs, input, line, scores, out var refused))
            {
                return ScoringErrors.ExpertOutOfRange(id, refused, rs.ExpertLines[line].Weight);
            }
        }

        return null;
    }
}
