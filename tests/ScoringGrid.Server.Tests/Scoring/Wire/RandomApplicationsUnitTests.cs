using ScoringGrid.Scoring;
using ScoringGrid.Server.Scoring.Wire;

namespace ScoringGrid.Server.Tests.Scoring.Wire;

/// <summary>
/// Thousands of generated applications over every shipped rule set, each answered by the message
/// path and the wire writer: the bytes must be identical, results and errors alike. Most take the
/// reader's indexed path (ids straight into the rule set's <see cref="IndexedApplication"/>); the
/// rest (unknown ids, bad figures, expert scores out of range) are read into an <see cref="Application"/>.
/// </summary>
public sealed class RandomApplicationsUnitTests
{
    private const int Count = 3_600;

    [Fact]
    public void GeneratedApplications_AllRuleSets_BytesIdenticalToGoogleProtobuf()
    {
        var paths = new ResponsePaths(RuleSetCatalog.LoadShipped());
        var generator = new ApplicationGenerator(paths.Catalog, seed: 20_240_611);
        var scored = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new HashSet<string>(StringComparer.Ordinal);
        var errors = 0;
        var indexed = 0;

        for (var i = 0; i < Count; i++)
        {
            var (application, view) = generator.Next();
            var bytes = paths.AssertIdentical(application, view);
            if (EvaluateRequestReader.ForCurrentThread.Indexed is not null)
            {
                indexed++; // the wire paths' last read, on this thread
            }

            var response = V1.EvaluateResponse.Parser.ParseFrom(bytes);
            if (response.OutcomeCase == V1.EvaluateResponse.OutcomeOneofCase.Error)
            {
                errors++;
                continue;
            }

            scored[response.Result.RuleSet] = scored.GetValueOrDefault(response.Result.RuleSet) + 1;
            levels.Add(response.Result.RuleSet + "/" + response.Result.Level);
        }

        // The run must cover what it claims: every rule set scored, several levels each, and errors.
        Assert.Equal(paths.Catalog.RuleSets.Select(r => r.Id).Order(), scored.Keys.Order());
        Assert.All(scored.Values, n => Assert.True(n >= 100, $"only {n} results for a rule set"));
        Assert.True(levels.Count >= paths.Catalog.RuleSets.Count * 2, string.Join(", ", levels.Order()));
        Assert.InRange(errors, Count / 50, Count / 3);
        Assert.InRange(indexed, Count / 2, Count - Count / 50);
    }
}
