using System.Data.Common;

namespace MoniKit.Data.Implementation;

/// <summary>Names a connection's database system as OpenTelemetry's <c>db.system.name</c> does.</summary>
internal static class DbSystemNames
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";
    public const string SqlServer = "microsoft.sql_server";
    public const string MySql = "mysql";
    public const string Oracle = "oracle.db";
    public const string Other = "other_sql";

    public static string Of(DbConnection? connection)
    {
        var name = connection?.GetType().FullName;
        return name is null ? Other
            : Contains(name, "Sqlite") ? Sqlite
            : Contains(name, "Npgsql") ? PostgreSql
            : Contains(name, "SqlClient") ? SqlServer
            : Contains(name, "MySql") ? MySql
            : Contains(name, "Oracle") ? Oracle
            : Other;
    }

    private static bool Contains(string name, string part) => name.Contains(part, StringComparison.OrdinalIgnoreCase);
}
