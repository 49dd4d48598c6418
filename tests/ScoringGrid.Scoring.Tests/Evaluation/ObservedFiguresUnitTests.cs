using ScoringGrid.Scoring.Tests.Support;

namespace ScoringGrid.Scoring.Tests.Evaluation;

/// Verification: an observed figure lower than the declared one is what counts, and the result says so.
public class ObservedFiguresUnitTests
{
    [Fact]
    public void LowerObservedFigure_Replaces_TheDeclaredOne_WithANote()
    {
        var app = new JsIiotPlatform2019Rulebook().Minimal("industry", "discrete").Flag("dedicated_team").Build();
        var observed = new Dictionary<string, double> { ["connected_devices"] = 1_499, ["monthly_model_calls"] = 1_000_000 };

        var outcome = Shipped.Catalog.Score(app, observed: observed);

        Assert.True(outcome.Succeeded);
        var result = outcome.Result;
        Assert.Equal("enterprise", result.Level);
        Assert.Equal(1_499, result.Criterion("devices", "industry").Observed);
        Assert.Contains("connected_devices: declared 1,500, observed 1,499; the observed value is used", result.Notes);
        // A higher observation never raises a declared figure.
        Assert.Equal(500, result.Criterion("monthly_model_calls", "industry").Observed);
    }
}
