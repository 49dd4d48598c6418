using System.CommandLine;
using ScoringGrid.Common;

namespace ScoringGrid.Cli.Commands;

/// <summary><c>sg rulesets</c>: the loaded rule sets, one per line; with <c>--server</c>, the ones that server scores with.</summary>
internal static class RuleSetsCommand
{
    public static Command Create()
    {
        var rulesets = CatalogOption.Create();
        var connection = ServerConnection.Create("List the rule sets a ScoringGrid server (e.g. http://127.0.0.1:50051) scores with, and their digests, instead of the local ones");
        var command = new Command("rulesets", "List the loaded rule sets") { rulesets };
        foreach (var option in connection.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            if (connection.Address(result) is not null)
            {
                return await connection.CallAsync(result, async client =>
                {
                    RuleSetText.WriteList((await client.ListRuleSetsAsync(cancellationToken)).RuleSets, Console.Out);
                    return 0;
                });
            }

            if (CatalogOption.Load(result.GetValue(rulesets), Console.Error) is not { } catalog)
            {
                return CatalogOption.UnusableExitCode;
            }

            RuleSetText.WriteList(catalog.RuleSets.Select(RuleSetMessages.Summary), Console.Out);
            return 0;
        });
        return command;
    }
}
