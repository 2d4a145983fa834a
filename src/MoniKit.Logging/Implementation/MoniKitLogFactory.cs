using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NLog;
using NLog.Extensions.Logging;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Owns one host's NLog <see cref="LogFactory"/> (never NLog's global one, so many hosts can share a process): MoniKit's
/// own pipeline, then the team's NLog configuration. At shutdown it drains the pipeline within a deadline and says on
/// standard error what could not be written; it never throws and never hangs on a destination that is stuck.
/// </summary>
internal sealed class MoniKitLogFactory : IDisposable
{
    /// <summary>The longest the shutdown waits for the log destinations, unless the host gives up sooner.</summary>
    public static readonly TimeSpan MaxShutdownWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ReportWait = TimeSpan.FromSeconds(1);

    private readonly LoggingMetrics _metrics;
    private readonly JsonLineTarget? _writer;
    private readonly LogWriterEnvironment _environment;
    private readonly Lock _shutdown = new();
    private readonly Dictionary<string, long> _reported = new(StringComparer.Ordinal);
    private int _disposed;

    public MoniKitLogFactory(IServiceProvider services)
        : this(services, LogWriterEnvironment.Default)
    {
    }

    public MoniKitLogFactory(IServiceProvider services, LogWriterEnvironment environment)
    {
        _environment = environment;
        var service = services.GetRequiredService<MoniKitOptions>();
        var options = services.GetRequiredService<MoniKitLoggingOptions>();
        var host = services.GetRequiredService<IHostEnvironment>();
        var configuration = services.GetRequiredService<IConfiguration>();

        // The host's policy (MoniKit:Redaction), registered by AddMoniKitLogging; a container built by hand gets the built-in one.
        var redaction = services.GetService<RedactionPolicy>() ?? RedactionPolicy.Default;
        _metrics = new LoggingMetrics(services.GetService<IMeterFactory>());
        Factory = new LogFactory { AutoShutdown = false, ThrowExceptions = false };

        // The host's services and configuration serve the layout renderers that need them (${configsetting}, ${aspnet-*}).
        Factory.Setup().SetupExtensions(e => e.RegisterServiceProvider(services).RegisterConfigSettings(configuration));
        foreach (var setup in services.GetServices<LogFactorySetup>())
        {
            setup.Apply(Factory.Setup(), services);
        }

        var logging = LoggingConfigurationFactory.Create(
            Factory, service, options, redaction, options.ResolveDirectory(host.ContentRootPath), _metrics, services.GetServices<MoniKitLogTarget>(), environment, out _writer);
        UserNLogConfiguration.AddTo(logging, Factory, configuration, host.ContentRootPath);
        Factory.Configuration = logging;
    }

    public LogFactory Factory { get; }

    public void Flush()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            Factory.Flush(FlushTimeout);
        }
    }

    /// <summary>
    /// Writes what is queued within <see cref="MaxShutdownWait"/>, or until the host gives up
    /// (<paramref name="hostStopping"/>), then flushes the other targets with what is left of the time. Lines that
    /// could not be written are counted and said once on standard error, by destination.
    /// </summary>
    public async Task ShutdownAsync(CancellationToken hostStopping)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var started = _environment.Time.GetTimestamp();
        var abandoned = _writer is null ? [] : await _writer.DrainAsync(MaxShutdownWait, hostStopping).ConfigureAwait(false);
        var waited = _environment.Time.GetElapsedTime(started);
        var left = MaxShutdownWait - waited;
        if (left > TimeSpan.Zero && !hostStopping.IsCancellationRequested)
        {
            using var timeout = new CancellationTokenSource(left, _environment.Time);
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, hostStopping);
            try
            {
                await Factory.FlushAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // A slow extra target of the team's own: MoniKit's destinations are already accounted for.
            }
        }

        Report(abandoned, waited);
    }

    public void Dispose()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        // Whatever was logged after the host stopped; a host that never stopped gets its shutdown here.
        ShutdownAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Factory.Dispose();
        _metrics.Dispose();
    }

    private void Report(IReadOnlyList<(string Destination, long Lines)> abandoned, TimeSpan waited)
    {
        string? message;
        lock (_shutdown)
        {
            message = ShutdownReport.Describe(_writer?.Destinations ?? [], abandoned, waited, _reported);
        }

        if (message is not null)
        {
            _environment.Report(message);
            // The process is about to end: the line gets a second through the console, then a second around it (a stuck
            // standard output holds up the console's standard error as well), no more.
            if (ReferenceEquals(_environment, LogWriterEnvironment.Default) && !StandardError.Shared.WaitUntilWritten(ReportWait))
            {
                StandardError.Shared.WriteAroundConsole(ReportWait);
            }
        }
    }
}
