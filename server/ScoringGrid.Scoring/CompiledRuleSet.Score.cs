using ScoringGrid.Scoring.Internal;
using ScoringGrid.Scoring.Internal.Evaluation;

namespace ScoringGrid.Scoring;

public sealed partial class CompiledRuleSet
{
    private readonly ScoreResultPool _results;

    /// <summary>
    /// A result of this rule set to score into (<see cref="Score(Application, ScoreResult, ScoringOptions?, IReadOnlyDictionary{string, double}?)"/>),
    /// taken from a small pool when one is free: for servers that score, write the result and forget it.
    /// </summary>
    public ScoreResult RentResult() => _results.Rent();

    /// <summary>
    /// Gives a result back for reuse once nothing reads it any more: its contents are overwritten by
    /// the next application scored into it. Results of other rule sets are ignored.
    /// </summary>
    public void ReturnResult(ScoreResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (ReferenceEquals(result.RuleSet, this))
        {
            _results.Return(result);
        }
    }

    /// <summary>Scores one application into a new result.</summary>
    /// <param name="application">The application; its <c>ruleset</c> field is not consulted here.</param>
    /// <param name="options">Clock, fraud registry and pool list; defaults when null.</param>
    /// <param name="observed">Figures observed by verification; lower ones replace the declared ones.</param>
    public ScoreOutcome Score(Application application, ScoringOptions? options = null, IReadOnlyDictionary<string, double>? observed = null) =>
        Score(application, new ScoreResult(this), options, observed);

    /// <summary>Scores into <paramref name="reuse"/> (a result of this rule set), allocating nothing on success.</summary>
    public ScoreOutcome Score(
        Application application, ScoreResult reuse, ScoringOptions? options = null, IReadOnlyDictionary<string, double>? observed = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(reuse);
        if (!ReferenceEquals(reuse.RuleSet, this))
        {
            reuse = new ScoreResult(this);
        }

        var input = reuse.Input;
        var error = ApplicationResolver.Resolve(this, application, input, options ?? ScoringOptions.Default, observed)
            ?? ValidateLines(input);
        if (error is not null)
        {
            return ScoreOutcome.Failure(error);
        }

        return Evaluate(reuse, application.Id);
    }

    /// <summary>
    /// Scores an application declared in this rule set's ids into <paramref name="reuse"/>, with the
    /// same outcome as the equivalent <see cref="Application"/>, allocating nothing on success.
    /// The application is empty afterwards, whatever the outcome: its declarations move into the result.
    /// </summary>
    /// <param name="application">An application of this rule set.</param>
    /// <param name="reuse">A result of this rule set (another one is replaced by a new result).</param>
    /// <param name="options">Clock, fraud registry and pool list; defaults when null.</param>
    public ScoreOutcome Score(IndexedApplication application, ScoreResult reuse, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(reuse);
        if (!ReferenceEquals(application.RuleSet, this))
        {
            throw new ArgumentException($"the application is declared in {application.RuleSet.Key}, not {Key}", nameof(application));
        }

        if (!ReferenceEquals(reuse.RuleSet, this))
        {
            reuse = new ScoreResult(this);
        }

        var id = application.Id;
        var error = application.Complete(options ?? ScoringOptions.Default) ?? ValidateLines(application.Input);
        if (error is not null)
        {
            application.Reset();
            return ScoreOutcome.Failure(error);
        }

        application.MoveInto(reuse);
        return Evaluate(reuse, id);
    }

    // Rules, ladder, totals, subsidy and priorities over an input already resolved into reuse.Input.
    private ScoreOutcome Evaluate(ScoreResult reuse, string applicationId)
    {
        var input = reuse.Input;
        reuse.Clear();
        reuse.ApplicationId = applicationId;
        var criteria = reuse.CriteriaBuffer;
        var sameOutcome = _sameOutcome;
        for (var i = 0; i < Criteria.Length; i++)
        {
            var same = sameOutcome[i];
            criteria[i] = same < 0 ? Criteria[i].Evaluate(input) : criteria[same].At(Criteria[i]);
        }

        reuse.LevelIndex = Ladder.Reached(criteria, out var eligible);
        reuse.Eligible = eligible;
        if (IsScored)
        {
            Totals.Apply(this, reuse);
        }

        if (Subsidy is not null)
        {
            reuse.SubsidyYuan = Subsidy.Compute(input, reuse.LevelIndex, reuse.Eligible);
        }

        if (Priorities.Length > 0)
        {
            reuse.Priorities = PrioritiesOf(input);
        }

        return ScoreOutcome.Success(reuse);
    }

    private ScoringError? ValidateLines(EvaluationInput input)
    {
        foreach (var c in Criteria)
        {
            if (c is RatioLineCriterion line && line.Validate(input) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private IReadOnlyList<string> PrioritiesOf(EvaluationInput input)
    {
        List<string>? marks = null;
        var single = -1;
        for (var i = 0; i < Priorities.Length; i++)
        {
            if (!Priorities[i].Applies(input))
            {
                continue;
            }

            if (single < 0 && marks is null)
            {
                single = i;
                continue;
            }

            marks ??= [Priorities[single].Id];
            marks.Add(Priorities[i].Id);
        }

        // One mark is the common case: hand out a shared one-element list instead of allocating.
        return marks ?? (single >= 0 ? Priorities[single].AsList : []);
    }
}
