using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using MoniKit.Hosting.Implementation;

namespace MoniKit.Hosting.Tests;

[TestClass]
public sealed class JobMonitorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MetricCollector<long> _runs;
    private readonly JobMonitor _monitor;

    public JobMonitorTests()
    {
        _loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace));
        var meters = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _runs = new MetricCollector<long>(meters, JobMetrics.MeterName, "monikit.job.runs");
        _monitor = new JobMonitor(_loggerFactory, new JobMetrics(meters), _time);
    }

    private IReadOnlyList<FakeLogRecord> JobLines => [.. _logs.GetSnapshot().Where(r => r.Category == JobMonitor.LoggerName)];

    [TestMethod]
    public async Task AbandonRunning_RunIgnoringCancellation_LoggedOnceAsAbandonedWithItsDuration()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stopping = new CancellationTokenSource();
        var run = _monitor.RunAsync("export", _ => release.Task, stopping.Token);
        await stopping.CancelAsync();
        _time.Advance(TimeSpan.FromSeconds(42));

        _monitor.AbandonRunning();
        release.SetResult();
        var outcome = await run;

        Assert.AreEqual(JobOutcome.Abandoned, outcome);
        var line = JobLines.Single();
        Assert.AreEqual(LogLevel.Warning, line.Level);
        Assert.AreEqual("Job export was abandoned after 42000.0 ms: it was still running when the host stopped", line.Message);
        Assert.AreEqual("abandoned", line.GetStructuredStateValue(LogFields.JobOutcome));
        Assert.AreEqual("unknown", line.GetStructuredStateValue(LogFields.EventOutcome));
        Assert.AreEqual(42_000_000_000L.ToString(CultureInfo.InvariantCulture), line.GetStructuredStateValue(LogFields.EventDuration));
        var measurement = _runs.GetMeasurementSnapshot().Single();
        Assert.AreEqual("abandoned", measurement.Tags["outcome"]);
    }

    [TestMethod]
    public async Task AbandonRunning_NothingRunning_LogsNothing()
    {
        await _monitor.RunAsync("export", _ => Task.CompletedTask);

        _monitor.AbandonRunning();

        Assert.AreEqual("success", JobLines.Single().GetStructuredStateValue(LogFields.JobOutcome));
    }

    [TestMethod]
    public async Task AbandonRunning_RunThatFinishedFirst_KeepsItsOwnOutcome()
    {
        var run = _monitor.RunAsync("export", _ => throw new InvalidOperationException("broken"));
        await run;

        _monitor.AbandonRunning();

        Assert.AreEqual("failure", JobLines.Single().GetStructuredStateValue(LogFields.JobOutcome));
    }

    public void Dispose()
    {
        _runs.Dispose();
        _loggerFactory.Dispose();
        _services.Dispose();
    }
}
