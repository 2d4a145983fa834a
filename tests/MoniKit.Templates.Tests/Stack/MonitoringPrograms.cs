using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>
/// Debian's Prometheus and Alertmanager, installed with apt-get where missing: the same programs, in older versions,
/// that the stack runs from its 3.x and 0.3x images.
/// </summary>
public static class MonitoringPrograms
{
    public const string Prometheus = "/usr/bin/prometheus";
    public const string Alertmanager = "/usr/bin/prometheus-alertmanager";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureInstalledAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var missing = new List<string>();
            if (!File.Exists(Prometheus))
            {
                missing.Add("prometheus");
            }

            if (!File.Exists(Alertmanager))
            {
                missing.Add("prometheus-alertmanager");
            }

            if (missing.Count == 0)
            {
                return;
            }

            var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            string[] install = ["install", "-y", "--no-install-recommends", .. missing];
            if ((await ProcessRunner.RunAsync("apt-get", install, Path.GetTempPath(), environment)).ExitCode != 0)
            {
                await ProcessRunner.RunCheckedAsync("apt-get", ["update"], Path.GetTempPath(), environment);
                await ProcessRunner.RunCheckedAsync("apt-get", install, Path.GetTempPath(), environment);
            }

            Assert.IsTrue(File.Exists(Prometheus) && File.Exists(Alertmanager), $"apt-get installed {string.Join(", ", missing)}, yet {Prometheus} or {Alertmanager} is missing");
        }
        finally
        {
            Gate.Release();
        }
    }
}
