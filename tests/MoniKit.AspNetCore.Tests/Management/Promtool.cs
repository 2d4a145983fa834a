using System.Diagnostics;

namespace MoniKit.AspNetCore.Tests.Management;

/// <summary>Runs Prometheus' <c>promtool</c>, installing Debian's <c>prometheus</c> package first where it is missing.</summary>
internal static class Promtool
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        var promtool = await EnsureInstalledAsync();
        return await RunAsync(promtool, "check metrics", exposition);
    }

    private static async Task<string> EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            var found = Find();
            if (found is not null)
            {
                return found;
            }

            var (code, output) = await RunAsync("apt-get", "install -y --no-install-recommends prometheus", null);
            if (code != 0)
            {
                await RunAsync("apt-get", "update", null);
                (code, output) = await RunAsync("apt-get", "install -y --no-install-recommends prometheus", null);
            }

            return Find() ?? throw new InvalidOperationException("promtool could not be installed: " + output);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static string? Find() =>
        new[] { "/usr/bin/promtool", "/usr/local/bin/promtool" }.FirstOrDefault(File.Exists);

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string? input)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
