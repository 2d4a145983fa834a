using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MoniKit.Data.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: Debian's server is installed when missing, a cluster is
/// made with initdb in a temporary folder, started on 127.0.0.1 on a free port with trust authentication, and
/// removed at the end. PostgreSQL refuses to run as root, so as root it runs as the <c>postgres</c> user.
/// </summary>
[TestClass]
public static class PostgresServer
{
    private static string? directory;
    private static string? binaries;

    public static string ConnectionString { get; private set; } = string.Empty;

    [AssemblyInitialize]
    public static void Start(TestContext context)
    {
        _ = context;
        binaries = FindBinaries() ?? Install();
        directory = Path.Combine(Path.GetTempPath(), "monikit-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        if (IsRoot)
        {
            Run("chown", ["postgres:postgres", directory]);
        }

        var data = Path.Combine(directory, "data");
        AsPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        var port = FreePort();
        AsPostgres("pg_ctl", [
            "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off",
            "start",
        ]);
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";
    }

    [AssemblyCleanup]
    public static void Stop()
    {
        if (directory is null || binaries is null)
        {
            return;
        }

        try
        {
            AsPostgres("pg_ctl", ["-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    public static NpgsqlConnection CreateConnection() => new(ConnectionString);

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    private static string Install()
    {
        if (!Try("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"]))
        {
            Run("apt-get", ["update"]);
            Run("apt-get", ["install", "-y", "--no-install-recommends", "postgresql"]);
        }

        return FindBinaries() ?? throw new InvalidOperationException("PostgreSQL was installed but no initdb was found under /usr/lib/postgresql");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void AsPostgres(string program, string[] arguments)
    {
        var path = Path.Combine(binaries!, program);
        if (IsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, string[] arguments)
    {
        var (code, output) = Exec(program, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {code}: {output}");
        }
    }

    private static bool Try(string program, string[] arguments) => Exec(program, arguments).Code == 0;

    private static (int Code, string Output) Exec(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
