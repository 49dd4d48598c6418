using Google.Protobuf.WellKnownTypes;
using ScoringGrid.Scoring;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// The core's <see cref="ScoringGrid.Scoring.Application"/> as the <c>scoringgrid.v1.Application</c> a server is sent, field for
/// field and in the same order, so that the server's mapping back gives the application offline scoring scores.
/// </summary>
internal static class ApplicationMessage
{
    public static V1.Application From(ScoringGrid.Scoring.Application app)
    {
        var message = new V1.Application
        {
            Id = app.Id,
            Ruleset = app.RuleSet,
            Deployment = app.Deployment,
            PlatformId = app.PlatformId,
            Verify = app.Verify,
            Applicant = new V1.Applicant
            {
                Name = app.Applicant.Name,
                CreditCode = app.Applicant.CreditCode,
                Province = app.Applicant.Province,
                City = app.Applicant.City,
                Industry = app.Applicant.Industry,
                Provider = app.Applicant.Provider,
            },
        };
        message.Items.AddRange(app.Items);
        foreach (var (id, value) in app.Figures)
        {
            message.Figures[id] = value;
        }

        foreach (var (id, value) in app.Flags)
        {
            message.Flags[id] = value;
        }

        foreach (var (id, value) in app.Dates)
        {
            message.Dates[id] = value;
        }

        foreach (var (line, scores) in app.ExpertScores)
        {
            // One expert's score as a number, several as a list: the two forms the document allows.
            message.ExpertScores[line] = scores.Length == 1 ? Value.ForNumber(scores[0]) : Value.ForList(Array.ConvertAll(scores, Value.ForNumber));
        }

        return message;
    }
}
