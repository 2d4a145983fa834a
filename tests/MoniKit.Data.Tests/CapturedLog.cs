using Microsoft.Extensions.Logging;

namespace MoniKit.Data.Tests;

/// <summary>One log call as a sink sees it: the structured fields, and the trace id current when it was written.</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    string Message,
    IReadOnlyDictionary<string, object?> Fields,
    Exception? Exception,
    string? TraceId)
{
    public object? this[string field] => Fields.TryGetValue(field, out var value) ? value : null;

    public bool IsDbQuery => Fields.TryGetValue(LogFields.Kind, out var kind) && Equals(kind, EventKinds.DbQuery);
}
