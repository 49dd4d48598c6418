using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ScoringGrid.Tests.Shared;

/// <summary>
/// A logger provider that records every entry at <paramref name="minimum"/> and above, with its
/// category, for tests that assert what a server logs (or does not).
/// </summary>
public sealed class LogRecorder(LogLevel minimum) : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Entries { get; } = new();

    private bool Records(LogLevel level) => level >= minimum && level != LogLevel.None;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => recorder.Records(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                recorder.Entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
