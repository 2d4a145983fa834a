using System.Data;
using System.Diagnostics;

namespace MoniKit.Data.Implementation;

/// <summary>
/// What is known about a command when it starts, captured then because a caller may change or dispose the command
/// before its reader is closed.
/// </summary>
internal sealed class DbCommandExecution(
    string systemName,
    string commandText,
    CommandType commandType,
    IReadOnlyList<KeyValuePair<string, string?>>? parameters,
    long startTimestamp)
{
    public string SystemName { get; } = systemName;

    public string CommandText { get; } = commandText;

    public CommandType CommandType { get; } = commandType;

    /// <summary>The <c>db.query.parameter.&lt;key&gt;</c> fields, when parameters are logged.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>>? Parameters { get; } = parameters;

    public long StartTimestamp { get; } = startTimestamp;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartTimestamp);

    /// <summary>The command's trace span, started with it; <see langword="null"/> when no tracer listens.</summary>
    public Activity? Span { get; } = DbCommandSpan.Start(systemName, Stopwatch.GetElapsedTime(startTimestamp));
}
