using System.Diagnostics;
using System.Globalization;
using MoniKit.Templates.Tests.Infrastructure;
using MoniKit.Testing;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>
/// A generated worker with a job that ignores cancellation, stopped with SIGTERM: the run is logged as abandoned with
/// its duration once the host's shutdown timeout has passed, and the process exits 0, not with an abort.
/// </summary>
[TestClass]
public sealed class AbandonedJobScenarioTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Worker_JobIgnoresCancellation_LoggedAbandonedAndExits0()
    {
        var project = await ReliabilityProjects.WorkerAsync();
        var port = FreePort.Next();
        var logs = ReliabilityProjects.NewLogDirectory();
        await using var service = await project.StartAsync(
            new Dictionary<string, string?>
            {
                ["MoniKit__Management__Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["MoniKit__Management__Host"] = "127.0.0.1",
                ["MoniKit__Logging__Directory"] = logs,
                ["DOTNET_shutdownTimeoutSeconds"] = "3",
            },
            "/ping",
            port);
        await WaitForAsync(() => service.OutputLines.Any(l => l.Contains("Stubborn job started", StringComparison.Ordinal)), service);

        var stopping = Stopwatch.StartNew();
        await service.StopAsync();
        stopping.Stop();

        Assert.IsTrue(service.HasExited);
        Assert.AreEqual(0, service.ExitCode, string.Join('\n', service.ErrorLines));
        Assert.IsLessThan(TimeSpan.FromSeconds(20), stopping.Elapsed, "the host's 3 s shutdown timeout was not kept");
        Assert.IsFalse(service.ErrorLines.Any(l => l.Contains("Unhandled exception", StringComparison.Ordinal)), string.Join('\n', service.ErrorLines));
        var files = LogLines.FromFiles(logs);
        LogAssert.Conforms(files);
        var line = LogLines.ParseAll(files, "log files").Single(l => l.Get("monikit.job.name") == "stubborn");
        Assert.AreEqual("abandoned", line.Get("monikit.job.outcome"));
        Assert.AreEqual("warn", line.Get("log.level"));
        Assert.IsGreaterThanOrEqualTo(3_000_000_000L, long.Parse(line.Get("event.duration")!, CultureInfo.InvariantCulture));
        StringAssert.StartsWith(line.Get("message"), "Job stubborn was abandoned after ");
        TestContext.WriteLine($"SIGTERM to exit {service.ExitCode}: {stopping.Elapsed.TotalSeconds:0.0} s; {line.Get("message")}");
    }

    private static async Task WaitForAsync(Func<bool> condition, RunningService service)
    {
        for (var attempt = 0; attempt < 150 && !condition(); attempt++)
        {
            await Task.Delay(200);
        }

        Assert.IsTrue(condition(), "The stubborn job never started:\n" + string.Join('\n', service.OutputLines));
    }
}
