using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Testing;

namespace MoniKit.Logging.Tests;

/// <summary>Standard output that nobody reads must never stop the files, nor the shutdown.</summary>
[TestClass]
public sealed class BlockedConsoleTests
{
    [TestMethod]
    public async Task AddMoniKitLogging_StandardOutputNeverRead_FileGetsEveryLineAndShutdownReportsTheConsoleLoss()
    {
        using var test = new TestHost();
        var run = await RunWithUnreadStandardOutputAsync(test, [], TimeSpan.FromSeconds(2), logger =>
        {
            for (var i = 0; i < 2000; i++)
            {
                logger.LogWarning("warn {Number}", i);
            }

            for (var i = 0; i < 5000; i++)
            {
                logger.LogInformation("info {Number}", i);
            }
        });

        var file = TestHost.ReadLines(test.LogFile).Where(l => l.Contains("\"Unread\"", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(7000, file);
        LogAssert.FileConforms(test.LogFile);
        Assert.IsLessThan(TimeSpan.FromSeconds(10), run.Stopped);

        // Every Warn line was meant for the console and none reached it: all are counted, and said once on stderr.
        Assert.AreEqual(2000L, run.Drops.GetValueOrDefault("console"));
        Assert.AreEqual(0L, run.Drops.GetValueOrDefault("file"));
        var report = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("not written", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(1, report, run.Stderr);
        StringAssert.Contains(report[0], "console");
        StringAssert.Contains(report[0], "2000");
    }

    [TestMethod]
    public async Task AddMoniKitLogging_StandardOutputNeverReadWithSmallQueue_ConsoleDropsAreCountedWhileTheFileGetsEveryLine()
    {
        using var test = new TestHost();
        var settings = new Dictionary<string, string?>
        {
            ["MoniKit:Logging:QueueLimit"] = "500",
            ["MoniKit:Logging:OverflowAction"] = "Block",
        };
        var run = await RunWithUnreadStandardOutputAsync(test, settings, TimeSpan.FromSeconds(1), logger =>
        {
            var burst = Task.Run(() =>
            {
                for (var i = 0; i < 3000; i++)
                {
                    logger.LogWarning("warn {Number}", i);
                }
            });
            Assert.IsTrue(burst.Wait(TimeSpan.FromSeconds(20)), "Logging blocked on the console although only the files may hold it up.");
        });

        Assert.HasCount(3000, TestHost.ReadLines(test.LogFile).Where(l => l.Contains("\"Unread\"", StringComparison.Ordinal)).ToArray());
        Assert.IsGreaterThanOrEqualTo(2000L, run.DroppedWhileRunning, "the console's queue holds twice the queue limit; the rest is dropped and counted at once");
        Assert.AreEqual(3000L, run.Drops.GetValueOrDefault("console"), "every console line is accounted for once the shutdown gave up on it");
        Assert.AreEqual(0L, run.Drops.GetValueOrDefault("file"));
    }

    /// <summary>
    /// Runs a Production host whose JSON console blocks forever: logs, flushes the files, reads the counters, stops it
    /// with the given shutdown timeout, and reads them again.
    /// </summary>
    private static async Task<(Dictionary<string, long> Drops, long DroppedWhileRunning, TimeSpan Stopped, string Stderr)> RunWithUnreadStandardOutputAsync(
        TestHost test, Dictionary<string, string?> settings, TimeSpan shutdownTimeout, Action<ILogger> log)
    {
        using var stdout = new BlockingTextWriter();
        using var stderr = new StringWriter();
        var drops = new Dictionary<string, long>();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            settings["MoniKit:Logging:Console"] = "Json";
            var builder = test.CreateBuilder(settings);
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);
            builder.AddMoniKitLogging();
            using var host = builder.Build();
            using var listener = TestHost.ListenTo("monikit.log.events.dropped", drops);
            await host.StartAsync();
            log(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Unread"));
            try
            {
                // Everything reaches the file; the console never passes the flush, which gives up after a second.
                host.Services.GetRequiredService<Implementation.MoniKitLogFactory>().Factory.Flush(TimeSpan.FromSeconds(1));
            }
            catch (OperationCanceledException)
            {
            }

            listener.RecordObservableInstruments();
            var droppedWhileRunning = drops.GetValueOrDefault("console");

            var clock = Stopwatch.StartNew();
            var stop = host.StopAsync();
            Assert.AreSame(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(20))), "StopAsync hung on the blocked console.");
            await stop;
            var stopped = clock.Elapsed;
            listener.RecordObservableInstruments();
            return (drops, droppedWhileRunning, stopped, stderr.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            stdout.Release();
        }
    }
}
