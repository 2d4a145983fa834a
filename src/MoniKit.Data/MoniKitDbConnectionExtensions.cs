using MoniKit.Data.Implementation;

namespace System.Data.Common;

/// <summary>Wraps any ADO.NET connection so that every command run on it is logged and measured.</summary>
public static class MoniKitDbConnectionExtensions
{
    /// <summary>
    /// Returns a connection that runs every command through <paramref name="connection"/> and writes one
    /// <c>db.query</c> log line and metrics per command. Dapper and plain ADO.NET work on it unchanged. Disposing
    /// the result disposes <paramref name="connection"/>. A connection that is already monitored is returned as is.
    /// </summary>
    /// <param name="connection">The provider's connection (SQLite, PostgreSQL, SQL Server, ...).</param>
    /// <param name="services">The service provider of a host on which <c>AddMoniKitData()</c> was called.</param>
    /// <returns>The monitored connection.</returns>
    /// <exception cref="InvalidOperationException"><c>AddMoniKitData()</c> was not called.</exception>
    public static DbConnection WithMoniKit(this DbConnection connection, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        return connection is MonitoredDbConnection
            ? connection
            : new MonitoredDbConnection(connection, DbCommandMonitor.From(services));
    }
}
