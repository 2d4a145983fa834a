using System.Data.Common;
using System.Net.Sockets;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Tells a failure worth retrying (timeout, deadlock, lost or refused connection, serialization failure, busy
/// database) from one that will fail again (syntax, constraint, missing table), from the provider's own codes.
/// </summary>
internal static class DbErrorClassifier
{
    public const string Transient = "transient";
    public const string Permanent = "permanent";

    // SQLite primary result codes: SQLITE_BUSY and SQLITE_LOCKED.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static string Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case TimeoutException or IOException or SocketException:
                    return Transient;
                case DbException db when db.SqlState is { Length: 5 } sqlState:
                    return IsTransientSqlState(sqlState) ? Transient : Permanent;
                case DbException db when IsSqlite(db):
                    return SqliteCode(db) is SqliteBusy or SqliteLocked ? Transient : Permanent;
                case DbException { IsTransient: true }:
                    return Transient;
                default:
                    break;
            }
        }

        return Permanent;
    }

    internal static bool IsTransientSqlState(string sqlState) =>
        sqlState is "40001" or "40P01" or "57014" or "55P03"
        || sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57P0", StringComparison.Ordinal);

    private static bool IsSqlite(DbException exception) =>
        exception.GetType().FullName == "Microsoft.Data.Sqlite.SqliteException";

    // Read by name so that this package does not depend on the SQLite provider.
    private static int SqliteCode(DbException exception) =>
        exception.GetType().GetProperty("SqliteErrorCode")?.GetValue(exception) is int code ? code & 0xFF : exception.ErrorCode & 0xFF;
}
