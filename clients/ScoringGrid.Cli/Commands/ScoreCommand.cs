using System.CommandLine;
using ScoringGrid.Scoring;

namespace ScoringGrid.Cli.Commands;

/// <summary>
/// <c>sg score FILE...</c>: one JSON result per line, in input order; a bad application prints its
/// error on its line. Exit code 0 when all scored, 2 when any was invalid. <c>-</c> reads JSON Lines from stdin.
/// </summary>
internal static class ScoreCommand
{
    public const int InvalidExitCode = 2;

    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Application documents (JSON); '-' reads JSON Lines from stdin",
            Arity = ArgumentArity.OneOrMore,
        };
        var rulesets = CatalogOption.Create();
        var connection = ServerConnection.Create("Score on a ScoringGrid server (e.g. http://127.0.0.1:50051) over one EvaluateStream instead of offline");
        var command = new Command("score", "Score application documents and print one JSON result per line") { files, rulesets };
        foreach (var option in connection.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            using var stdout = Console.OpenStandardOutput();
            if (connection.Address(result) is { } address)
            {
                return await RemoteScore.RunAsync(
                    address, connection.ApiKey(result), connection.ChannelOptions(result), result.GetValue(files)!, Console.In, stdout, cancellationToken);
            }

            if (CatalogOption.Load(result.GetValue(rulesets), Console.Error) is not { } catalog)
            {
                return CatalogOption.UnusableExitCode;
            }

            return Run(catalog, result.GetValue(files)!, Console.In, stdout);
        });
        return command;
    }

    /// <summary>Scores every input and writes the lines; returns the exit code.</summary>
    public static int Run(RuleSetCatalog catalog, IEnumerable<string> inputs, TextReader stdin, Stream output)
    {
        var writer = new ResultLineWriter(output);
        var allScored = true;
        foreach (var (document, unreadable) in InputDocuments.Read(inputs, stdin))
        {
            if (unreadable is not null)
            {
                writer.Error(new ScoringError(ScoringErrorCodes.NotFound, "", unreadable));
                allScored = false;
                continue;
            }

            allScored &= writer.Score(catalog, document);
        }

        writer.Flush();
        return allScored ? 0 : InvalidExitCode;
    }
}
