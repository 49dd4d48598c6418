namespace ScoringGrid.Server;

/// <summary>
/// Calls back once a directory has been quiet for a moment after any change in it. Editors and
/// renewal tools write in several steps (truncate, write, rename, swap a symlink), so one callback
/// per settled change beats one per event.
/// </summary>
internal sealed class SettledDirectoryWatcher : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(300);
    private readonly FileSystemWatcher _watcher;
    private readonly TimeProvider _time;
    private readonly Action _settled;
    private readonly Lock _gate = new();
    private ITimer? _pending;

    /// <summary>Starts watching <paramref name="directory"/> (not its subdirectories' contents).</summary>
    public SettledDirectoryWatcher(string directory, TimeProvider time, Action settled)
    {
        _time = time;
        _settled = settled;
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher.Dispose();
        lock (_gate)
        {
            _pending?.Dispose();
            _pending = null;
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        lock (_gate)
        {
            // Every event restarts the quiet period.
            _pending ??= _time.CreateTimer(static state => ((SettledDirectoryWatcher)state!)._settled(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _pending.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }
}
