using Microsoft.Extensions.Hosting;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Builds the MeterProvider when the host starts rather than at the first scrape, so counters cover the whole
/// lifetime of the process.
/// </summary>
internal sealed class MetricsStartupService(MetricsCollector collector, BuildInfoMetric buildInfo) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(collector);
        GC.KeepAlive(buildInfo);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
