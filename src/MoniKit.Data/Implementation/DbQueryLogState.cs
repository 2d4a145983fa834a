using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MoniKit.Data.Implementation;

/// <summary>
/// The structured state of one <c>db.query</c> line: each entry becomes a top-level field of the JSON line.
/// </summary>
internal sealed class DbQueryLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> fields;

    public DbQueryLogState(
        DbCommandExecution execution,
        SqlStatementInfo statement,
        TimeSpan elapsed,
        DbRowCounts rows,
        string? errorClass,
        LogLevel level)
    {
        fields = new List<KeyValuePair<string, object?>>(11 + (execution.Parameters?.Count ?? 0))
        {
            new(LogFields.Kind, EventKinds.DbQuery),
            new(LogFields.DbSystem, execution.SystemName),
            new(LogFields.DbOperation, statement.Operation),
        };
        if (statement.Collection is not null)
        {
            fields.Add(new(LogFields.DbCollection, statement.Collection));
        }

        fields.Add(new(LogFields.DbQueryText, statement.Text));
        fields.Add(new(LogFields.EventDuration, (long)(elapsed.Ticks * 100)));
        fields.Add(new(LogFields.EventOutcome, errorClass is null ? "success" : "failure"));
        if (rows.Returned is >= 0)
        {
            fields.Add(new(LogFields.DbReturnedRows, rows.Returned.Value));
        }

        if (rows.Affected is >= 0)
        {
            fields.Add(new(LogFields.DbAffectedRows, rows.Affected.Value));
        }

        // One field per parameter; a SQL NULL stays null (the list keeps it, where StructuredLogState would not).
        foreach (var (name, value) in execution.Parameters ?? [])
        {
            fields.Add(new(name, value));
        }

        if (errorClass is not null)
        {
            fields.Add(new(LogFields.DbErrorClass, errorClass));
        }

        Message = BuildMessage(statement, elapsed, errorClass, level);
    }

    public string Message { get; }

    public int Count => fields.Count;

    public KeyValuePair<string, object?> this[int index] => fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    private static string BuildMessage(SqlStatementInfo statement, TimeSpan elapsed, string? errorClass, LogLevel level)
    {
        var target = statement.Collection is null ? statement.Operation : statement.Operation + " " + statement.Collection;
        var milliseconds = elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        return errorClass is not null ? $"Database command {target} failed after {milliseconds} ms ({errorClass})"
            : level >= LogLevel.Error ? $"Critical query {target} took {milliseconds} ms"
            : level == LogLevel.Warning ? $"Slow query {target} took {milliseconds} ms"
            : $"Query {target} took {milliseconds} ms";
    }
}
