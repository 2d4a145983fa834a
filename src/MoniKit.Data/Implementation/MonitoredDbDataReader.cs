using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Counts the rows read and reports the command once, when the reader is closed, so the line carries the rows
/// returned (and those changed, for an INSERT ... RETURNING) and the time until the last row. Every data accessor forwards to the provider's reader
/// (see <c>MonitoredDbDataReader.Accessors.cs</c>).
/// </summary>
internal sealed partial class MonitoredDbDataReader(DbDataReader inner, DbCommandMonitor monitor, DbCommandExecution execution)
    : DbDataReader, IDbColumnSchemaGenerator
{
    private long rowsRead;
    private int reported;

    public override bool IsClosed => inner.IsClosed;

    public override int RecordsAffected => inner.RecordsAffected;

    public override bool Read()
    {
        try
        {
            var read = inner.Read();
            rowsRead += read ? 1 : 0;
            return read;
        }
        catch (Exception ex) when (Fail(ex, CancellationToken.None))
        {
            throw;
        }
    }

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var read = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
            rowsRead += read ? 1 : 0;
            return read;
        }
        catch (Exception ex) when (Fail(ex, cancellationToken))
        {
            throw;
        }
    }

    public override bool NextResult()
    {
        try
        {
            return inner.NextResult();
        }
        catch (Exception ex) when (Fail(ex, CancellationToken.None))
        {
            throw;
        }
    }

    public override async Task<bool> NextResultAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await inner.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Fail(ex, cancellationToken))
        {
            throw;
        }
    }

    public override IEnumerator GetEnumerator() => new DbEnumerator(this, closeReader: false);

    public ReadOnlyCollection<DbColumn> GetColumnSchema() =>
        inner.CanGetColumnSchema() ? inner.GetColumnSchema() : throw new NotSupportedException("The provider's reader does not describe its columns.");

    public override void Close()
    {
        inner.Close();
        Complete();
    }

    public override async Task CloseAsync()
    {
        await inner.CloseAsync().ConfigureAwait(false);
        Complete();
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync().ConfigureAwait(false);
        Complete();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            Complete();
        }

        base.Dispose(disposing);
    }

    private void Complete()
    {
        if (Interlocked.Exchange(ref reported, 1) != 0)
        {
            return;
        }

        // RecordsAffected stays readable after close; it counts the rows changed by an INSERT ... RETURNING or an
        // UPDATE run as a reader, where no row may be read.
        long affected;
        try
        {
            affected = inner.RecordsAffected;
        }
        catch (InvalidOperationException)
        {
            affected = -1;
        }

        monitor.Succeeded(execution, execution.Elapsed, affectedRows: affected, returnedRows: rowsRead);
    }

    private bool Fail(Exception exception, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref reported, 1) == 0)
        {
            var cancelled = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
            monitor.Failed(execution, execution.Elapsed, exception, cancelled);
        }

        return false;
    }
}
