using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace MoniKit.Data.Implementation;

/// <summary>
/// A connection that hands out <see cref="MonitoredDbCommand"/>s and forwards everything else to the provider's
/// connection, so callers (Dapper included) see an ordinary <see cref="DbConnection"/>.
/// </summary>
internal sealed class MonitoredDbConnection : DbConnection
{
    public MonitoredDbConnection(DbConnection inner, DbCommandMonitor monitor)
    {
        Inner = inner;
        Monitor = monitor;
        SystemName = DbSystemNames.Of(inner);
        inner.StateChange += OnInnerStateChange;
    }

    public DbConnection Inner { get; }

    public DbCommandMonitor Monitor { get; }

    public string SystemName { get; }

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    public override int ConnectionTimeout => Inner.ConnectionTimeout;

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override Task ChangeDatabaseAsync(string databaseName, CancellationToken cancellationToken = default) =>
        Inner.ChangeDatabaseAsync(databaseName, cancellationToken);

    public override void Open() => Inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    public override void Close() => Inner.Close();

    public override Task CloseAsync() => Inner.CloseAsync();

    public override void EnlistTransaction(System.Transactions.Transaction? transaction) => Inner.EnlistTransaction(transaction);

    public override DataTable GetSchema() => Inner.GetSchema();

    public override DataTable GetSchema(string collectionName) => Inner.GetSchema(collectionName);

    public override DataTable GetSchema(string collectionName, string?[] restrictionValues) =>
        Inner.GetSchema(collectionName, restrictionValues);

    public override Task<DataTable> GetSchemaAsync(CancellationToken cancellationToken = default) =>
        Inner.GetSchemaAsync(cancellationToken);

    public override Task<DataTable> GetSchemaAsync(string collectionName, CancellationToken cancellationToken = default) =>
        Inner.GetSchemaAsync(collectionName, cancellationToken);

    public override Task<DataTable> GetSchemaAsync(string collectionName, string?[] restrictionValues, CancellationToken cancellationToken = default) =>
        Inner.GetSchemaAsync(collectionName, restrictionValues, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        Inner.StateChange -= OnInnerStateChange;
        await Inner.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override DbCommand CreateDbCommand() => new MonitoredDbCommand(Inner.CreateCommand(), this);

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        new MonitoredDbTransaction(Inner.BeginTransaction(isolationLevel), this);

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        new MonitoredDbTransaction(await Inner.BeginTransactionAsync(isolationLevel, cancellationToken).ConfigureAwait(false), this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.StateChange -= OnInnerStateChange;
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void OnInnerStateChange(object sender, StateChangeEventArgs e) => OnStateChange(e);
}
