using ScoringGrid.Scoring;

namespace ScoringGrid.Server.RuleSets;

/// <summary>
/// Reloads the rule-set directory when a file in it changes, once the directory has settled
/// (<see cref="SettledDirectoryWatcher"/>): the whole directory is loaded again, and a broken file
/// leaves the previous catalog serving.
/// </summary>
internal sealed partial class RuleSetDirectoryWatcher : IHostedService, IDisposable
{
    private readonly string _directory;
    private readonly RuleSetProvider _provider;
    private readonly TimeProvider _time;
    private readonly ILogger<RuleSetDirectoryWatcher> _log;
    private SettledDirectoryWatcher? _watcher;

    public RuleSetDirectoryWatcher(string directory, RuleSetProvider provider, TimeProvider time, ILogger<RuleSetDirectoryWatcher> log)
    {
        _directory = directory;
        _provider = provider;
        _time = time;
        _log = log;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _watcher = new SettledDirectoryWatcher(_directory, _time, ReloadNow);
        LogWatching(_log, _directory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _watcher?.Dispose();

    /// <summary>Loads the directory now and swaps it in, or keeps the old catalog and logs why.</summary>
    public void ReloadNow()
    {
        try
        {
            RuleSetCatalog next = RuleSetCatalog.LoadDirectory(_directory);
            _provider.Swap(next);
            LogReloaded(_log, next.RuleSets.Count, _directory);
        }
        catch (Exception error) when (error is RuleSetLoadException or IOException or UnauthorizedAccessException)
        {
            _provider.RecordFailure(error);
            LogReloadFailed(_log, error.Message);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Watching {Directory} for rule-set changes")]
    private static partial void LogWatching(ILogger logger, string directory);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Reloaded {Count} rule sets from {Directory}")]
    private static partial void LogReloaded(ILogger logger, int count, string directory);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "Rule-set reload rejected, previous rule sets keep serving: {Reason}")]
    private static partial void LogReloadFailed(ILogger logger, string reason);
}
