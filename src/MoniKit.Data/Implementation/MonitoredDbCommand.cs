using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Runs the provider's command and reports each execution to the <see cref="DbCommandMonitor"/>. A failure is
/// reported and then rethrown unchanged.
/// </summary>
internal sealed class MonitoredDbCommand(DbCommand inner, MonitoredDbConnection? connection) : DbCommand
{
    private MonitoredDbConnection? connection = connection;
    private MonitoredDbTransaction? transaction;

    public DbCommand Inner { get; } = inner;

    [AllowNull]
    public override string CommandText
    {
        get => Inner.CommandText;
        set => Inner.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => Inner.CommandTimeout;
        set => Inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => Inner.CommandType;
        set => Inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => Inner.DesignTimeVisible;
        set => Inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => Inner.UpdatedRowSource;
        set => Inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection ?? Inner.Connection;
        set
        {
            connection = value as MonitoredDbConnection;
            Inner.Connection = connection?.Inner ?? value;
        }
    }

    protected override DbTransaction? DbTransaction
    {
        get => transaction ?? Inner.Transaction;
        set
        {
            transaction = value as MonitoredDbTransaction;
            Inner.Transaction = transaction?.Inner ?? value;
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    public override void Cancel() => Inner.Cancel();

    public override void Prepare() => Inner.Prepare();

    public override Task PrepareAsync(CancellationToken cancellationToken = default) => Inner.PrepareAsync(cancellationToken);

    public override int ExecuteNonQuery()
    {
        var (monitor, execution) = Start();
        try
        {
            var rows = Inner.ExecuteNonQuery();
            monitor?.Succeeded(execution!, execution!.Elapsed, rows);
            return rows;
        }
        catch (Exception ex) when (Fail(monitor, execution, ex, CancellationToken.None))
        {
            throw;
        }
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        var (monitor, execution) = Start();
        try
        {
            var rows = await Inner.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            monitor?.Succeeded(execution!, execution!.Elapsed, rows);
            return rows;
        }
        catch (Exception ex) when (Fail(monitor, execution, ex, cancellationToken))
        {
            throw;
        }
    }

    public override object? ExecuteScalar()
    {
        var (monitor, execution) = Start();
        try
        {
            var value = Inner.ExecuteScalar();
            monitor?.Succeeded(execution!, execution!.Elapsed, affectedRows: null);
            return value;
        }
        catch (Exception ex) when (Fail(monitor, execution, ex, CancellationToken.None))
        {
            throw;
        }
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        var (monitor, execution) = Start();
        try
        {
            var value = await Inner.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            monitor?.Succeeded(execution!, execution!.Elapsed, affectedRows: null);
            return value;
        }
        catch (Exception ex) when (Fail(monitor, execution, ex, cancellationToken))
        {
            throw;
        }
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var (monitor, execution) = Start();
        try
        {
            var reader = Inner.ExecuteReader(behavior);
            return monitor is null ? reader : new MonitoredDbDataReader(reader, monitor, execution!);
        }
        catch (Exception ex) when (Fail(monitor, execution, ex, CancellationToken.None))
        {
            throw;
        }
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var (monitor, execution) = Start();
        try
        {
            var reader = await Inner.ExecuteReaderAsync(behavior, cancellationToken).ConfigureAwait(false);
            return monitor is null ? reader : new MonitoredDbDataReader(reader, monitor, execution!);
        }
        catch (Exception ex) when (Fail(monitor, execution, ex, cancellationToken))
        {
            throw;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override DbParameter CreateDbParameter() => Inner.CreateParameter();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // Reporting from an exception filter runs while the caller's Activity and scopes are still current, before any
    // finally block unwinds them; returning false lets the exception propagate untouched.
    private static bool Fail(DbCommandMonitor? monitor, DbCommandExecution? execution, Exception exception, CancellationToken cancellationToken)
    {
        if (monitor is not null && execution is not null)
        {
            var cancelled = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
            monitor.Failed(execution, execution.Elapsed, exception, cancelled);
        }

        return false;
    }

    private (DbCommandMonitor? Monitor, DbCommandExecution? Execution) Start() =>
        connection is null ? (null, null) : (connection.Monitor, connection.Monitor.Start(Inner, connection.SystemName));
}
