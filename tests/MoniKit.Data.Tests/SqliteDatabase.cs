using Microsoft.Data.Sqlite;

namespace MoniKit.Data.Tests;

/// <summary>A SQLite database in a temporary file, deleted with the instance.</summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "monikit-data-" + Guid.NewGuid().ToString("N") + ".db");

    public string ConnectionString => $"Data Source={path};Pooling=False";

    public SqliteConnection CreateConnection() => new(ConnectionString);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
