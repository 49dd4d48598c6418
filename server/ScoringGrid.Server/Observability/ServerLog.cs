namespace ScoringGrid.Server.Observability;

/// <summary>The server's log events (ids 1–99; rule-set reloads use 100–199).</summary>
internal static partial class ServerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "ScoringGrid serving on {Urls} with {RuleSets} rule sets and {Keys} API keys")]
    public static partial void Started(ILogger logger, string urls, int ruleSets, int keys);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "No API keys configured: every caller is anonymous with all scopes (set ScoringGrid:Security:ApiKeys for production)")]
    public static partial void OpenMode(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "No rule files (*.yaml, *.yml) in {Directory} (ScoringGrid:RuleSets): every application is refused as NOT_FOUND until one is added")]
    public static partial void NoRuleSets(ILogger logger, string directory);
}
