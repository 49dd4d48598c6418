using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Scoring;

namespace ScoringGrid.Server.Scoring;

/// <summary>Turns a <c>scoringgrid.v1.Application</c> into the core's <see cref="Application"/>, field for field.</summary>
internal static class ApplicationMapping
{
    public static Application? ToCore(V1.Application message, out ScoringError? error)
    {
        var app = new Application
        {
            Id = message.Id,
            RuleSet = message.Ruleset,
            Deployment = message.Deployment,
            PlatformId = message.PlatformId,
            Verify = message.Verify,
        };
        if (message.Applicant is { } a)
        {
            app.Applicant.Name = a.Name;
            app.Applicant.CreditCode = a.CreditCode;
            app.Applicant.Province = a.Province;
            app.Applicant.City = a.City;
            app.Applicant.Industry = a.Industry;
            app.Applicant.Provider = a.Provider;
        }

        app.Items.AddRange(message.Items);
        foreach (var (k, v) in message.Figures)
        {
            app.Figures[k] = v;
        }

        foreach (var (k, v) in message.Flags)
        {
            app.Flags[k] = v;
        }

        foreach (var (k, v) in message.Dates)
        {
            app.Dates[k] = v;
        }

        foreach (var (line, value) in message.ExpertScores)
        {
            if (ExpertScores(value) is not { } scores)
            {
                error = new ScoringError(ScoringErrorCodes.InvalidArgument, $"expert_scores.{line}",
                    $"expert_scores.{line} must be a number or a list of numbers");
                return null;
            }

            app.ExpertScores[line] = scores;
        }

        error = null;
        return app;
    }

    /// <summary>An expert line's scores: a number or a list of numbers; null for any other value.</summary>
    public static double[]? ExpertScores(Value value)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.NumberValue:
                return [value.NumberValue];
            case Value.KindOneofCase.ListValue:
                var list = value.ListValue.Values;
                var scores = new double[list.Count];
                for (var i = 0; i < scores.Length; i++)
                {
                    if (list[i].KindCase != Value.KindOneofCase.NumberValue)
                    {
                        return null;
                    }

                    scores[i] = list[i].NumberValue;
                }

                return scores;
            default:
                return null;
        }
    }
}
