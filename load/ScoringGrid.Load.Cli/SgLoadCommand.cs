using System.CommandLine;
using ScoringGrid.Load.Cli.Commands;

namespace ScoringGrid.Load.Cli;

/// <summary>The <c>sg-load</c> root command.</summary>
internal static class SgLoadCommand
{
    /// <summary>Thresholds or the capacity verdict failed.</summary>
    public const int FailedExitCode = 1;

    /// <summary>Bad arguments, a refused target or an unreadable file.</summary>
    public const int UsageExitCode = 2;

    public static RootCommand Create() => new("sg-load — verification load runner: open and closed load models, capacity search, HTTP/1.1, HTTP/2 and ScoringGrid gRPC targets.")
    {
        RunCommand.Create(),
        CapacityCommand.Create(),
        StreamCommand.Create(),
    };
}
