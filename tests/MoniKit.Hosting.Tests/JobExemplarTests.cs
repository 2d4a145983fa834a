using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace MoniKit.Hosting.Tests;

/// <summary>A job run is a sampled root trace, so its duration is an exemplar that leads to the run's log lines.</summary>
[TestClass]
public sealed class JobExemplarTests
{
    [TestMethod]
    public async Task RunAsync_JobRun_DurationExemplarCarriesTheRunsTraceId()
    {
        await using var worker = await WorkerHost.StartAsync();
        var monitor = worker.Host.Services.GetRequiredService<IJobMonitor>();

        await monitor.RunAsync("reindex", _ => Task.CompletedTask);
        var line = await worker.Capture.WaitForLineAsync(l => l.TryGetProperty("monikit.job.name", out var job) && job.GetString() == "reindex");
        var traceId = line.GetProperty("trace.id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/openmetrics-text"));
        using var response = await worker.Client.SendAsync(request);
        var metrics = await response.Content.ReadAsStringAsync();

        var buckets = metrics.Split('\n').Where(l => l.StartsWith("monikit_job_duration_seconds_bucket{job=\"reindex\"", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(buckets, metrics);
        Assert.IsTrue(buckets.Any(l => l.Contains($" # {{trace_id=\"{traceId}\",span_id=\"", StringComparison.Ordinal)), string.Join('\n', buckets));
    }
}
