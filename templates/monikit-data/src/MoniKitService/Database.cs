using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;

namespace MoniKitService;

/// <summary>
/// The SQLite database, from ConnectionStrings:Default. Every command on the connection is logged as one db.query
/// line with the request's trace id, and measured; parameter values are never logged.
/// </summary>
public static class Database
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        // One monitored connection per request scope, for Dapper or plain ADO.NET.
        builder.AddMoniKitDbConnection(services => new SqliteConnection(ConnectionString(services)));
        return builder;
    }

    /// <summary>Creates the schema at start-up; a real service would use migrations.</summary>
    public static async Task CreateSchemaAsync(IServiceProvider services)
    {
        // SQLite creates the database file, but not its folder.
        var file = new SqliteConnectionStringBuilder(ConnectionString(services)).DataSource;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);

        await using var scope = services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<DbConnection>();
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS products (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                price_cents INTEGER NOT NULL
            )
            """);
    }

    // The same file as appsettings.json names, so the service also runs from a folder that has no appsettings.json.
    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString("Default") is { Length: > 0 } value
            ? value
            : "Data Source=data/monikit-service.db";
}
