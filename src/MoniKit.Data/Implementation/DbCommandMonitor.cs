using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Turns each finished database command into one <c>db.query</c> log line and its metrics. Shared by the ADO.NET
/// wrapper and the EF Core interceptor, so both write the same fields.
/// </summary>
internal sealed class DbCommandMonitor : IDisposable
{
    internal const string MeterName = "MoniKit.Data";
    internal const string LoggerCategory = "MoniKit.Data";

    // Each distinct text is parsed once; past this many the rest are parsed every time rather than growing memory.
    private const int MaxCachedStatements = 1024;

    private readonly ILogger logger;
    private readonly Meter? ownedMeter;
    private readonly Histogram<double> duration;
    private readonly Counter<long> slowQueries;
    private readonly CollectionNameLimiter collections = new();
    private readonly ConcurrentDictionary<(string, CommandType, string), SqlStatementInfo> statements = new();

    private readonly RedactionPolicy redaction;

    public DbCommandMonitor(MoniKitDataOptions options, RedactionPolicy redaction, ILoggerFactory loggerFactory, IMeterFactory? meterFactory)
    {
        Options = options;
        this.redaction = redaction;
        logger = loggerFactory.CreateLogger(LoggerCategory);
        var meter = meterFactory?.Create(MeterName) ?? (ownedMeter = new Meter(MeterName));
        duration = meter.CreateHistogram(
            "db.client.operation.duration",
            unit: "s",
            description: "Duration of database client operations.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10] });
        slowQueries = meter.CreateCounter<long>(
            "monikit.db.slow_queries",
            unit: "{query}",
            description: "Database commands that took at least the slow-query threshold.");
    }

    public MoniKitDataOptions Options { get; }

    public static DbCommandMonitor From(IServiceProvider services) =>
        services.GetService<DbCommandMonitor>()
        ?? throw new InvalidOperationException("MoniKit database monitoring is not registered: call builder.AddMoniKitData() on the host builder first.");

    /// <param name="command">The command about to run, or that has run for <paramref name="alreadyElapsed"/>.</param>
    /// <param name="systemName">The <c>db.system.name</c> of its connection.</param>
    /// <param name="alreadyElapsed">How long the command has already run, when it is reported after it started.</param>
    public DbCommandExecution Start(DbCommand command, string systemName, TimeSpan alreadyElapsed = default) =>
        new(
            systemName,
            command.CommandText ?? string.Empty,
            command.CommandType,
            Options.LogParameters ? CaptureParameters(command, systemName) : null,
            Stopwatch.GetTimestamp() - (long)(alreadyElapsed.TotalSeconds * Stopwatch.Frequency));

    /// <param name="execution">The command.</param>
    /// <param name="elapsed">How long it ran.</param>
    /// <param name="affectedRows">The rows it changed, as <c>ExecuteNonQuery</c> or the reader reports them (-1: none).</param>
    /// <param name="returnedRows">The rows read through its reader; <see langword="null"/> when it had none.</param>
    public void Succeeded(DbCommandExecution execution, TimeSpan elapsed, long? affectedRows, long? returnedRows = null) =>
        Record(execution, elapsed, new DbRowCounts(returnedRows, affectedRows), exception: null, cancelled: false);

    public void Failed(DbCommandExecution execution, TimeSpan elapsed, Exception? exception, bool cancelled) =>
        Record(execution, elapsed, default, exception, cancelled);

    public void Dispose() => ownedMeter?.Dispose();

    private void Record(DbCommandExecution execution, TimeSpan elapsed, DbRowCounts rows, Exception? exception, bool cancelled)
    {
        var statement = Parse(execution);
        using var span = new DbCommandSpan(execution.Span, statement, elapsed, exception, cancelled);
        var milliseconds = elapsed.TotalMilliseconds;
        var slow = milliseconds >= Options.SlowQueryThresholdMs;

        var tags = new TagList
        {
            { LogFields.DbSystem, execution.SystemName },
            { LogFields.DbOperation, statement.Operation },
        };
        if (slow)
        {
            slowQueries.Add(1, tags);
        }

        if (collections.Bound(statement.Collection) is { } collection)
        {
            tags.Add(LogFields.DbCollection, collection);
        }

        duration.Record(elapsed.TotalSeconds, tags);

        var failed = exception is not null || cancelled;
        var level = failed ? (cancelled ? LogLevel.Warning : LogLevel.Error)
            : milliseconds >= Options.CriticalQueryThresholdMs ? LogLevel.Error
            : slow ? LogLevel.Warning
            : LogLevel.Information;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var errorClass = !failed ? null : cancelled || exception is null ? DbErrorClassifier.Transient : DbErrorClassifier.Classify(exception);
        var state = new DbQueryLogState(execution, statement, elapsed, rows, errorClass, level);
        logger.Log(level, default, state, exception, static (s, _) => s.Message);
    }

    private IReadOnlyList<KeyValuePair<string, string?>>? CaptureParameters(DbCommand command, string systemName) =>
        DbParameterValues.Capture(
            command.Parameters,
            redaction,
            Parse(systemName, command.CommandType, command.CommandText ?? string.Empty).SecretPlaceholders);

    private SqlStatementInfo Parse(DbCommandExecution execution) =>
        Parse(execution.SystemName, execution.CommandType, execution.CommandText);

    private SqlStatementInfo Parse(string systemName, CommandType commandType, string commandText)
    {
        var key = (systemName, commandType, commandText);
        if (statements.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var parsed = SqlStatementParser.Parse(commandText, commandType, systemName, Options.MaxQueryTextLength, redaction);
        if (statements.Count < MaxCachedStatements)
        {
            statements.TryAdd(key, parsed);
        }

        return parsed;
    }
}
