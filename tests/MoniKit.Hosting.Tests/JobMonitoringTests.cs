using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoniKit.Hosting.Implementation;
using MoniKit.Testing;

namespace MoniKit.Hosting.Tests;

[TestClass]
public sealed class JobMonitoringTests
{
    private static string Field(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()) : "<missing>";

    [TestMethod]
    public async Task AddMoniKitJob_Periodic_LogsOneConformantJobLinePerRunWithItsOwnTraceId()
    {
        await using var worker = await WorkerHost.StartAsync(b => b.AddMoniKitJob<CleanupJob>(TimeSpan.FromMilliseconds(200)));

        var first = await worker.Capture.WaitForLineAsync(l => Field(l, "monikit.kind") == "job");
        var second = await worker.Capture.WaitForLineAsync(l => Field(l, "monikit.kind") == "job" && Field(l, "trace.id") != Field(first, "trace.id"));

        foreach (var line in new[] { first, second })
        {
            Assert.AreEqual("cleanup", Field(line, "monikit.job.name"));
            Assert.AreEqual("success", Field(line, "event.outcome"));
            Assert.AreEqual("success", Field(line, "monikit.job.outcome"));
            Assert.AreEqual("info", Field(line, "log.level"));
            Assert.AreEqual("MoniKit.Jobs", Field(line, "log.logger"));
            Assert.IsTrue(long.Parse(Field(line, "event.duration"), System.Globalization.CultureInfo.InvariantCulture) >= 0);
            Assert.IsTrue(DateTimeOffset.TryParse(Field(line, "monikit.job.next_run"), System.Globalization.CultureInfo.InvariantCulture, out _), Field(line, "monikit.job.next_run"));
            StringAssert.StartsWith(Field(line, "message"), "Job cleanup succeeded in ");
            Assert.AreEqual(32, Field(line, "trace.id").Length);
        }

        var metrics = await worker.GetStringAsync("/metrics");
        StringAssert.Matches(metrics, new System.Text.RegularExpressions.Regex("monikit_job_runs_total\\{[^}]*job=\"cleanup\"[^}]*outcome=\"success\"[^}]*\\} [1-9]"));
        StringAssert.Contains(metrics, "monikit_job_duration_seconds_bucket{");
        StringAssert.Contains(metrics, "monikit_job_last_success_timestamp_seconds{");
        LogAssert.Conforms(worker.Capture);
    }

    [TestMethod]
    public async Task AddMoniKitJob_FailingRun_LogsErrorWithExceptionAndTheScheduleGoesOn()
    {
        await using var worker = await WorkerHost.StartAsync(b =>
        {
            b.AddMoniKitJob<FlakyExportJob>(TimeSpan.FromMilliseconds(200));
            b.AddMoniKitJob<AlwaysFailingJob>(TimeSpan.FromMilliseconds(200), "broken");
            b.AddMoniKitJob<CleanupJob>(TimeSpan.FromMilliseconds(200));
        });

        var failure = await worker.Capture.WaitForLineAsync(l => Field(l, "monikit.job.name") == "flaky-export" && Field(l, "event.outcome") == "failure");
        var recovered = await worker.Capture.WaitForLineAsync(l => Field(l, "monikit.job.name") == "flaky-export" && Field(l, "event.outcome") == "success");
        await worker.Capture.WaitForLineAsync(l => Field(l, "monikit.job.name") == "cleanup" && Field(l, "event.outcome") == "success");

        Assert.AreEqual("error", Field(failure, "log.level"));
        Assert.AreEqual("System.InvalidOperationException", Field(failure, "error.type"));
        Assert.AreEqual("Export target unavailable", Field(failure, "error.message"));
        StringAssert.Contains(Field(failure, "error.stack_trace"), "FlakyExportJob");
        StringAssert.StartsWith(Field(failure, "message"), "Job flaky-export failed with InvalidOperationException after ");
        Assert.AreEqual("info", Field(recovered, "log.level"));
        Assert.IsFalse(worker.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        var metrics = await worker.GetStringAsync("/metrics");
        StringAssert.Matches(metrics, new System.Text.RegularExpressions.Regex("monikit_job_runs_total\\{[^}]*job=\"broken\"[^}]*outcome=\"failure\"[^}]*\\} [1-9]"));
        Assert.IsFalse(metrics.Contains("monikit_job_last_success_timestamp_seconds{job=\"broken\"", StringComparison.Ordinal), metrics);
        LogAssert.Conforms(worker.Capture);
    }

    [TestMethod]
    public async Task RunAsync_Triggered_GetsANewTraceIdAndNoNextRun()
    {
        await using var worker = await WorkerHost.StartAsync();
        var monitor = worker.Host.Services.GetRequiredService<IJobMonitor>();
        using var caller = new Activity("caller").Start();
        string? seenTraceId = null;

        var outcome = await monitor.RunAsync("reindex", _ =>
        {
            seenTraceId = Activity.Current?.TraceId.ToHexString();
            return Task.CompletedTask;
        });

        Assert.AreEqual(JobOutcome.Success, outcome);
        Assert.AreSame(caller, Activity.Current);
        var line = await worker.Capture.WaitForLineAsync(l => Field(l, "monikit.job.name") == "reindex");
        Assert.AreEqual(seenTraceId, Field(line, "trace.id"));
        Assert.AreNotEqual(caller.TraceId.ToHexString(), seenTraceId);
        Assert.AreEqual("<missing>", Field(line, "monikit.job.next_run"));
    }

    [TestMethod]
    public async Task RunAsync_CallerCancels_ReportsCancelledAtWarn()
    {
        await using var worker = await WorkerHost.StartAsync();
        var monitor = worker.Host.Services.GetRequiredService<IJobMonitor>();
        using var cancellation = new CancellationTokenSource();

        var outcome = await monitor.RunAsync("import", async token =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
        }, cancellation.Token);

        Assert.AreEqual(JobOutcome.Cancelled, outcome);
        var line = await worker.Capture.WaitForLineAsync(l => Field(l, "monikit.job.name") == "import");
        Assert.AreEqual("warn", Field(line, "log.level"));
        Assert.AreEqual("unknown", Field(line, "event.outcome"));
        Assert.AreEqual("cancelled", Field(line, "monikit.job.outcome"));
        StringAssert.Contains(await worker.GetStringAsync("/metrics"), "outcome=\"cancelled\"");
        LogAssert.Conforms(worker.Capture);
    }

    [TestMethod]
    public async Task RunAsync_WorkTimesOutOnItsOwn_IsAFailureNotACancellation()
    {
        await using var worker = await WorkerHost.StartAsync();
        var monitor = worker.Host.Services.GetRequiredService<IJobMonitor>();

        var outcome = await monitor.RunAsync("fetch", _ => throw new TaskCanceledException("HTTP timeout"));

        Assert.AreEqual(JobOutcome.Failure, outcome);
    }

    [TestMethod]
    public async Task RunAsync_BadName_Throws()
    {
        await using var worker = await WorkerHost.StartAsync();
        var monitor = worker.Host.Services.GetRequiredService<IJobMonitor>();

        await Assert.ThrowsAsync<ArgumentException>(() => monitor.RunAsync(" ", _ => Task.CompletedTask));
        await Assert.ThrowsAsync<ArgumentException>(() => monitor.RunAsync(new string('x', 101), _ => Task.CompletedTask));
    }

    [TestMethod]
    public void AddMoniKitJob_IntervalInConfiguration_OverridesCode()
    {
        var builder = WorkerHost.CreateBuilder(FreePort.Next(), new() { ["MoniKit:Jobs:Intervals:cleanup"] = "00:00:07" });
        builder.AddMoniKit();
        builder.AddMoniKitJob<CleanupJob>(TimeSpan.FromHours(1));
        builder.AddMoniKitJob<CleanupJob>(TimeSpan.FromHours(2));
        builder.AddMoniKitJob<CleanupJob>(TimeSpan.FromHours(3), "cleanup-archive");

        using var host = builder.Build();

        var jobs = host.Services.GetServices<IHostedService>().OfType<PeriodicJobService>().ToDictionary(j => j.Job, j => j.Interval);
        Assert.HasCount(2, jobs);
        Assert.AreEqual(TimeSpan.FromSeconds(7), jobs["cleanup"]);
        Assert.AreEqual(TimeSpan.FromHours(3), jobs["cleanup-archive"]);
    }

    [TestMethod]
    public void AddMoniKitJobs_NonPositiveInterval_FailsNamingTheKey()
    {
        var builder = WorkerHost.CreateBuilder(FreePort.Next(), new() { ["MoniKit:Jobs:Intervals:cleanup"] = "00:00:00" });

        var error = Assert.ThrowsExactly<MoniKitConfigurationException>(() => builder.AddMoniKit());

        StringAssert.Contains(error.Message, "MoniKit:Jobs:Intervals:cleanup must be a positive time span");
    }

    [TestMethod]
    [DataRow(typeof(CleanupJob), "cleanup")]
    [DataRow(typeof(FlakyExportJob), "flaky-export")]
    [DataRow(typeof(HTTPSyncJob), "http-sync")]
    [DataRow(typeof(Job), "job")]
    public void FromType_JobType_IsKebabCaseWithoutJobSuffix(Type type, string expected)
    {
        Assert.AreEqual(expected, JobNames.FromType(type));
    }

    private sealed class HTTPSyncJob;

    private sealed class Job;
}
