using Npgsql;

namespace MoniKit.Data.Tests;

/// <summary>One PostgreSQL cluster for the whole test run, started before the first test and removed after the last.</summary>
[TestClass]
public static class SharedPostgres
{
    private static PostgresServer? _server;

    [AssemblyInitialize]
    public static async Task StartAsync(TestContext context)
    {
        _ = context;
        _server = await PostgresServer.StartAsync();
    }

    [AssemblyCleanup]
    public static async Task StopAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A new, unpooled connection to the cluster, so each test sees its own session.</summary>
    public static NpgsqlConnection CreateConnection() =>
        new((_server ?? throw new InvalidOperationException("PostgreSQL was not started")).ConnectionString + ";Pooling=false");
}
