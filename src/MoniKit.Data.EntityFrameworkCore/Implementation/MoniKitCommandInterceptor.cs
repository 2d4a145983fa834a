using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MoniKit.Data.Implementation;

namespace MoniKit.Data.EntityFrameworkCore.Implementation;

/// <summary>
/// Reports each command EF Core runs to the shared <see cref="DbCommandMonitor"/>. A query is reported when its
/// reader is closed, so the line carries the rows read. Commands already run through a monitored connection are
/// skipped, so a command is never logged twice.
/// </summary>
internal sealed class MoniKitCommandInterceptor(DbCommandMonitor monitor) : DbCommandInterceptor
{
    // The reader is wrapped to count the rows actually read: EF's own read count also counts the final Read that
    // finds no row.
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Wrap(command, eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Wrap(command, eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Succeeded(command, eventData, result);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Succeeded(command, eventData, result);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Succeeded(command, eventData, rows: null);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Succeeded(command, eventData, rows: null);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command, eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(command, eventData);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Canceled(command, eventData);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Canceled(command, eventData);
        return Task.CompletedTask;
    }

    private DbDataReader Wrap(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        command is MonitoredDbCommand
            ? result
            : new MonitoredDbDataReader(result, monitor, monitor.Start(command, DbSystemNames.Of(command.Connection), eventData.Duration));

    private void Succeeded(DbCommand command, CommandEndEventData eventData, long? rows)
    {
        if (Start(command) is { } execution)
        {
            monitor.Succeeded(execution, eventData.Duration, rows);
        }
    }

    private void Failed(DbCommand command, CommandErrorEventData eventData)
    {
        if (Start(command) is { } execution)
        {
            monitor.Failed(execution, eventData.Duration, eventData.Exception, cancelled: false);
        }
    }

    private void Canceled(DbCommand command, CommandEndEventData eventData)
    {
        if (Start(command) is { } execution)
        {
            monitor.Failed(execution, eventData.Duration, exception: null, cancelled: true);
        }
    }

    private DbCommandExecution? Start(DbCommand command) =>
        command is MonitoredDbCommand ? null : monitor.Start(command, DbSystemNames.Of(command.Connection));
}
