using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NLog;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Owns one host's NLog <see cref="LogFactory"/> (never NLog's global one, so many hosts can share a process) and
/// flushes and disposes it with the container.
/// </summary>
internal sealed class MoniKitLogFactory : IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(15);

    private readonly LoggingMetrics _metrics;
    private int _disposed;

    public MoniKitLogFactory(IServiceProvider services)
    {
        var service = services.GetRequiredService<MoniKitOptions>();
        var options = services.GetRequiredService<MoniKitLoggingOptions>();
        var environment = services.GetRequiredService<IHostEnvironment>();
        var directory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Directory));
        _metrics = new LoggingMetrics(services.GetService<IMeterFactory>());
        Factory = new LogFactory { AutoShutdown = false, ThrowExceptions = false };
        Factory.Configuration = LoggingConfigurationFactory.Create(
            Factory, service, options, directory, _metrics, services.GetServices<MoniKitLogTarget>());
    }

    public LogFactory Factory { get; }

    public void Flush()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            Factory.Flush(FlushTimeout);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Factory.Flush(FlushTimeout);
        Factory.Dispose();
        _metrics.Dispose();
    }
}
