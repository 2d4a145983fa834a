using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MoniKit.Data.Tests;

/// <summary>
/// Records every log call with its structured state, the way a JSON layout reads it: the state must be a list of
/// key-value pairs, and the trace id is taken from the Activity current at the call.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> logs = new();

    public IReadOnlyList<CapturedLog> Logs => [.. logs];

    public IReadOnlyList<CapturedLog> DbQueries => [.. logs.Where(l => l.IsDbQuery)];

    public void Clear() => logs.Clear();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IReadOnlyList<KeyValuePair<string, object?>> list
                ? list.ToDictionary(p => p.Key, p => p.Value)
                : [];
            logs.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), fields, exception, TraceContext.CurrentTraceId));
        }
    }
}
