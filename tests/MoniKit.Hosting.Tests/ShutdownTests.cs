using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoniKit.Testing;

namespace MoniKit.Hosting.Tests;

[TestClass]
public sealed class ShutdownTests
{
    private static string? Field(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    [TestMethod]
    public async Task StopAsync_JobIgnoresCancellation_ReturnsAfterTheTimeoutAndLogsTheRunAbandoned()
    {
        StubbornJob.Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        StubbornJob.Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var worker = await WorkerHost.StartAsync(b =>
        {
            b.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            b.AddMoniKitJob<StubbornJob>(TimeSpan.FromHours(1));
        });
        await StubbornJob.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await worker.Host.StopAsync();

        var line = await worker.Capture.WaitForLineAsync(l => Field(l, "monikit.job.name") == "stubborn");
        StubbornJob.Release.SetResult();
        Assert.AreEqual("abandoned", Field(line, "monikit.job.outcome"));
        Assert.AreEqual("unknown", Field(line, "event.outcome"));
        Assert.AreEqual("warn", Field(line, "log.level"));
        StringAssert.StartsWith(Field(line, "message"), "Job stubborn was abandoned after ");
        Assert.IsGreaterThanOrEqualTo(1_000_000_000L, long.Parse(Field(line, "event.duration")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.AreEqual(32, Field(line, "trace.id")?.Length, "the line carries the run's own trace id");
        LogAssert.Conforms(worker.Capture);
    }
}
