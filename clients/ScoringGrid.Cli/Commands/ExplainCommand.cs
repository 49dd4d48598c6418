using System.CommandLine;
using ScoringGrid.Common;

namespace ScoringGrid.Cli.Commands;

/// <summary><c>sg explain RULESET</c>: the programme's rules as an evaluator reads them, from the local rule sets or a server's.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var ruleSet = new Argument<string>("ruleset") { Description = "Rule set id or id@version" };
        var rulesets = CatalogOption.Create();
        var connection = ServerConnection.Create("Explain the rule set as a ScoringGrid server (e.g. http://127.0.0.1:50051) has it, instead of the local one");
        var command = new Command("explain", "Print a rule set's rules as a readable table") { ruleSet, rulesets };
        foreach (var option in connection.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var spec = result.GetValue(ruleSet)!;
            if (connection.Address(result) is not null)
            {
                return await connection.CallAsync(result, async client =>
                {
                    RuleSetText.WriteRules(await client.GetRuleSetAsync(spec, cancellationToken), Console.Out);
                    return 0;
                });
            }

            if (CatalogOption.Load(result.GetValue(rulesets), Console.Error) is not { } catalog)
            {
                return CatalogOption.UnusableExitCode;
            }

            if (!catalog.TryResolve(spec, out var rs, out var error))
            {
                Console.Error.WriteLine(error!.Message);
                return ScoreCommand.InvalidExitCode;
            }

            RuleSetText.WriteRules(RuleSetMessages.Full(rs), Console.Out);
            return 0;
        });
        return command;
    }
}
