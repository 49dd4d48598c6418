using System.CommandLine;
using ScoringGrid.Cli.Commands;

var root = new RootCommand("sg — ScoringGrid: score applications against provincial cloud and industrial-internet programmes.")
{
    ScoreCommand.Create(),
    RuleSetsCommand.Create(),
    ExplainCommand.Create(),
    VerifyCommand.Create(),
    LintEndpointCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
