namespace MoniKit.TestInfrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster: Debian's server is installed when missing, a cluster is made with initdb in a
/// temporary folder and started on 127.0.0.1 on a free port with trust authentication (so no password exists
/// anywhere), and removed on disposal. PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinariesRoot = "/usr/lib/postgresql";

    private readonly string _directory;
    private readonly string _binaries;

    private PostgresServer(string directory, string binaries, int port)
    {
        _directory = directory;
        _binaries = binaries;
        Port = port;
    }

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>A connection string for the cluster's <c>postgres</c> database, as the superuser.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=30";

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Creates and starts a cluster of its own.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        if (FindBinaries() is null)
        {
            await DebianPrograms.InstallAsync("postgresql", isInstalled: () => FindBinaries() is not null);
        }

        var binaries = FindBinaries() ?? throw new InvalidOperationException($"PostgreSQL was installed but no initdb was found under {BinariesRoot}");
        var directory = Path.Combine(Path.GetTempPath(), "monikit-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (IsRoot)
        {
            await ProcessRunner.RunCheckedAsync("chown", ["postgres:postgres", directory]);
        }

        var server = new PostgresServer(directory, binaries, FreePort.Next());
        var data = Path.Combine(directory, "data");
        await server.AsPostgresAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        await server.AsPostgresAsync("pg_ctl", [
            "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {server.Port} -k {directory} -c fsync=off",
            "start",
        ]);
        return server;
    }

    /// <summary>Stops the server at once and deletes the cluster.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync("pg_ctl", ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists(BinariesRoot)
            ? Directory.GetDirectories(BinariesRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private Task<ProcessResult> AsPostgresAsync(string program, string[] arguments)
    {
        var path = Path.Combine(_binaries, program);
        return IsRoot
            ? ProcessRunner.RunCheckedAsync("runuser", ["-u", "postgres", "--", path, .. arguments], _directory)
            : ProcessRunner.RunCheckedAsync(path, arguments, _directory);
    }
}
