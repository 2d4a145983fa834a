namespace MoniKit.TestInfrastructure;

/// <summary>
/// The real programs the tests drive (promtool, amtool, docker-compose, npm, PostgreSQL), installed from Debian's
/// packages when missing. <c>./build.sh test</c> installs them up front; this covers a test run started another way.
/// </summary>
public static class DebianPrograms
{
    private static readonly SemaphoreSlim AptGate = new(1, 1);
    private static bool _updated;

    /// <summary>Returns the path of <paramref name="program"/>, installing <paramref name="package"/> first when it is missing.</summary>
    public static string Require(string program, string package) =>
        RequireAsync(program, package).GetAwaiter().GetResult();

    /// <inheritdoc cref="Require"/>
    public static async Task<string> RequireAsync(string program, string package)
    {
        if (Find(program) is { } found)
        {
            return found;
        }

        await InstallAsync(package);
        return Find(program) ?? throw new InvalidOperationException($"{package} was installed but {program} is not in /usr/bin or /usr/local/bin");
    }

    /// <summary>Installs a Debian package unless <paramref name="isInstalled"/> says it is there already.</summary>
    public static async Task InstallAsync(string package, Func<bool>? isInstalled = null)
    {
        await AptGate.WaitAsync();
        try
        {
            if (isInstalled?.Invoke() == true)
            {
                return;
            }

            string[] install = ["install", "-y", "-qq", "--no-install-recommends", package];
            var result = await ProcessRunner.RunAsync("apt-get", install);
            if (result.ExitCode != 0 && !_updated)
            {
                // A fresh machine has no package lists yet.
                await ProcessRunner.RunCheckedAsync("apt-get", ["update", "-qq"]);
                _updated = true;
                result = await ProcessRunner.RunAsync("apt-get", install);
            }

            result.EnsureSuccess();
        }
        finally
        {
            AptGate.Release();
        }
    }

    private static string? Find(string program) =>
        new[] { "/usr/bin", "/usr/local/bin" }.Select(folder => System.IO.Path.Combine(folder, program)).FirstOrDefault(File.Exists);
}
