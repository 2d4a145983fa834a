namespace MoniKit.Templates.Tests.Stack;

/// <summary>
/// Debian's Prometheus and Alertmanager, installed where missing: the same programs, in older versions, that the
/// stack runs from its 3.x and 0.3x images.
/// </summary>
public static class MonitoringPrograms
{
    public const string Prometheus = "/usr/bin/prometheus";
    public const string Alertmanager = "/usr/bin/prometheus-alertmanager";

    public static async Task EnsureInstalledAsync()
    {
        await DebianPrograms.RequireAsync("prometheus", "prometheus");
        await DebianPrograms.RequireAsync("prometheus-alertmanager", "prometheus-alertmanager");
    }
}
