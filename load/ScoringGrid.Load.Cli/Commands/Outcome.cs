using System.CommandLine;
using ScoringGrid.Load.Targets;

namespace ScoringGrid.Load.Cli.Commands;

/// <summary>What every command does around a run: build the target, turn setup errors into exit code 2, write reports.</summary>
internal static class Outcome
{
    public static async Task<int> RunWithTargetAsync(TargetOptions target, ParseResult result, TextWriter stderr, Func<ILoadTarget, Task<int>> body)
    {
        ILoadTarget loadTarget;
        try
        {
            loadTarget = target.Create(result);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync("sg-load: " + e.Message);
            return SgLoadCommand.UsageExitCode;
        }

        await using (loadTarget)
        {
            return await body(loadTarget);
        }
    }

    public static async Task WriteReportsAsync(ParseResult result, RunSettings settings, TextWriter stdout, string json, Func<string> html, string summary)
    {
        var jsonPath = result.GetValue(settings.Json);
        if (jsonPath == "-")
        {
            await stdout.WriteLineAsync(json);
        }
        else
        {
            await stdout.WriteAsync(summary);
            if (jsonPath is not null)
            {
                await File.WriteAllTextAsync(jsonPath, json);
            }
        }

        if (result.GetValue(settings.Html) is { } htmlPath)
        {
            await File.WriteAllTextAsync(htmlPath, html());
        }
    }
}
