using System.Data.Common;
using Dapper;
using Npgsql;

namespace MoniKitService;

/// <summary>
/// The PostgreSQL database, from ConnectionStrings:Default. Every command on the connection is logged as one
/// db.query line with the request's trace id, and measured; parameter values are never logged.
/// </summary>
public static class Database
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        // One monitored connection per request scope, for Dapper or plain ADO.NET.
        builder.AddMoniKitDbConnection(services => new NpgsqlConnection(ConnectionString(services)));
        return builder;
    }

    /// <summary>Creates the schema at start-up; a real service would use migrations.</summary>
    public static async Task CreateSchemaAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<DbConnection>();
        await connection.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS products (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                name text NOT NULL,
                price_cents bigint NOT NULL
            )
            """);
    }

    // The password is a secret: it comes from the environment (ConnectionStrings__Default) or user secrets, never
    // from a file in the repository.
    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString("Default") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ConnectionStrings:Default is not set. Set the environment variable ConnectionStrings__Default to "
                + "'Host=...;Database=...;Username=...;Password=...' (or use user secrets).");
}
