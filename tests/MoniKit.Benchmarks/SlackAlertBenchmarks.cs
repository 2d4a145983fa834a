using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MoniKit.Alerting.Slack;
using MoniKit.Alerting.Slack.Implementation;
using NLog;
using NLog.Config;
using NLog.Targets;

namespace MoniKit.Benchmarks;

/// <summary>
/// What an <c>logger.Error(exception, ...)</c> costs the calling thread when Slack alerting is on: the alert target
/// captures the event and hands it to the bounded queue (the sender runs elsewhere). The baseline logs the same event
/// to a target that does nothing. The queue is drained after each call so it never fills.
/// </summary>
[MemoryDiagnoser]
public class SlackAlertBenchmarks : IDisposable
{
    private readonly InvalidOperationException _exception = CreateException();
    private ServiceProvider _services = null!;
    private LogFactory _alerting = null!;
    private LogFactory _baseline = null!;
    private AlertQueue _queue = null!;
    private Logger _alertingLogger = null!;
    private Logger _baselineLogger = null!;

    /// <summary>Events read from the queue so far, for the smoke tests.</summary>
    public int Dequeued { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _queue = new AlertQueue(new MoniKitSlackOptions(), new AlertMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        _alerting = CreateFactory(new SlackAlertTarget(_queue));
        _baseline = CreateFactory(new NullTarget("baseline"));
        _alertingLogger = _alerting.GetLogger("Orders.PaymentService");
        _baselineLogger = _baseline.GetLogger("Orders.PaymentService");
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark(Baseline = true)]
    public int ErrorWithoutAlerting()
    {
        _baselineLogger.Error(_exception, "Payment for order {OrderId} failed", 42);
        return 0;
    }

    [Benchmark]
    public int ErrorWithSlackAlert()
    {
        _alertingLogger.Error(_exception, "Payment for order {OrderId} failed", 42);
        var read = 0;
        while (_queue.Reader.TryRead(out _))
        {
            read++;
        }

        Dequeued += read;
        return read;
    }

    public void Dispose()
    {
        _alerting?.Dispose();
        _baseline?.Dispose();
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static LogFactory CreateFactory(Target target)
    {
        var factory = new LogFactory { AutoShutdown = false, ThrowExceptions = true };
        var configuration = new LoggingConfiguration(factory);
        configuration.AddRule(NLog.LogLevel.Error, NLog.LogLevel.Fatal, target);
        factory.Configuration = configuration;
        return factory;
    }

    // A thrown exception, so that it carries a stack trace as a real one does.
    private static InvalidOperationException CreateException()
    {
        try
        {
            throw new InvalidOperationException("The payment provider refused the card.");
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }
}
