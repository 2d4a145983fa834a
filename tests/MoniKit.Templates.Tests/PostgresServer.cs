using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for template tests: Debian's server is installed when missing, a cluster is made
/// with initdb in a temporary folder and started on 127.0.0.1 on a free port with trust authentication, then
/// removed. PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _binaries;

    private PostgresServer(string directory, string binaries, int port)
    {
        _directory = directory;
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string for the cluster's <c>postgres</c> database; trust authentication, so no password.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=30";

    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries() ?? await InstallAsync();
        var directory = Path.Combine(Path.GetTempPath(), "monikit-template-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (IsRoot)
        {
            await ProcessRunner.RunCheckedAsync("chown", ["postgres:postgres", directory], directory);
        }

        var port = RunningService.FreePort();
        var server = new PostgresServer(directory, binaries, port);
        var data = Path.Combine(directory, "data");
        await server.AsPostgresAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        await server.AsPostgresAsync("pg_ctl", [
            "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off",
            "start",
        ]);
        return server;
    }

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

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        return Directory.Exists(Root)
            ? Directory.GetDirectories(Root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static async Task<string> InstallAsync()
    {
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        string[] install = ["install", "-y", "--no-install-recommends", "postgresql"];
        if ((await ProcessRunner.RunAsync("apt-get", install, Path.GetTempPath(), environment)).ExitCode != 0)
        {
            await ProcessRunner.RunCheckedAsync("apt-get", ["update"], Path.GetTempPath(), environment);
            await ProcessRunner.RunCheckedAsync("apt-get", install, Path.GetTempPath(), environment);
        }

        return FindBinaries() ?? throw new InvalidOperationException("PostgreSQL was installed but no initdb was found under /usr/lib/postgresql");
    }

    private Task<ProcessResult> AsPostgresAsync(string program, string[] arguments)
    {
        var path = Path.Combine(_binaries, program);
        return IsRoot
            ? ProcessRunner.RunCheckedAsync("runuser", ["-u", "postgres", "--", path, .. arguments], _directory)
            : ProcessRunner.RunCheckedAsync(path, arguments, _directory);
    }
}
