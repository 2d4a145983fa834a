using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using MoniKit.Metrics;

namespace MoniKit.AspNetCore.Management;

/// <summary>
/// Tells scrapes and probes apart from the service's own traffic before routing has run, by port and path: the
/// tracer decides whether a request becomes a span when it starts, and a scrape every few seconds is no trace.
/// </summary>
internal sealed class ManagementTraffic(MoniKitManagementOptions options)
{
    private readonly FrozenSet<string> _paths = Paths(options).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public bool IsManagement(HttpContext context) =>
        (options.Port is { } port && context.Connection.LocalPort == port) || _paths.Contains(context.Request.Path.Value ?? string.Empty);

    private static IEnumerable<string> Paths(MoniKitManagementOptions options)
    {
        (bool Enabled, string Path)[] all =
        [
            (options.MetricsEnabled, options.MetricsPath), (options.MetricsTextEnabled, options.MetricsTextPath),
            (options.EnvEnabled, options.EnvPath), (options.PingEnabled, options.PingPath),
            (options.HealthEnabled, options.HealthPath), (options.AliveEnabled, options.AlivePath),
        ];
        return all.Where(p => p.Enabled).Select(p => p.Path);
    }
}
