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
        using var stdout = new BlockingTextWriter();
        using var stderr = new StringWriter();
        var drops = new Dictionary<string, long>();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        TimeSpan stopped;
        try
        {
            var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Console"] = "Json" });
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
            builder.AddMoniKitLogging();
            using var host = builder.Build();
            using var listener = TestHost.ListenTo("monikit.log.events.dropped", drops);
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Unread");
            for (var i = 0; i < 2000; i++)
            {
                logger.LogWarning("warn {Number}", i);
            }

            for (var i = 0; i < 5000; i++)
            {
                logger.LogInformation("info {Number}", i);
            }

            var clock = Stopwatch.StartNew();
            var stop = host.StopAsync();
            Assert.IsTrue(await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(20))) == stop, "StopAsync hung on the blocked console.");
            await stop;
            stopped = clock.Elapsed;
            listener.RecordObservableInstruments();
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            stdout.Release();
        }

        var file = TestHost.ReadLines(test.LogFile).Where(l => l.Contains("\"Unread\"", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(7000, file);
        LogAssert.FileConforms(test.LogFile);
        Assert.IsLessThan(TimeSpan.FromSeconds(10), stopped);

        // Every Warn line was meant for the console and none reached it: all are counted, and said once on stderr.
        Assert.AreEqual(2000L, drops.GetValueOrDefault("console"));
        Assert.AreEqual(0L, drops.GetValueOrDefault("file"));
        var report = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("not written", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(1, report, stderr.ToString());
        StringAssert.Contains(report[0], "console");
        StringAssert.Contains(report[0], "2000");
    }

    [TestMethod]
    public async Task AddMoniKitLogging_StandardOutputNeverReadWithSmallQueue_ConsoleDropsAreCountedWhileTheFileGetsEveryLine()
    {
        using var test = new TestHost();
        using var stdout = new BlockingTextWriter();
        using var stderr = new StringWriter();
        var drops = new Dictionary<string, long>();
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        long droppedWhileRunning;
        try
        {
            var builder = test.CreateBuilder(new Dictionary<string, string?>
            {
                ["MoniKit:Logging:Console"] = "Json",
                ["MoniKit:Logging:QueueLimit"] = "500",
                ["MoniKit:Logging:OverflowAction"] = "Block",
            });
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
            builder.AddMoniKitLogging();
            using var host = builder.Build();
            using var listener = TestHost.ListenTo("monikit.log.events.dropped", drops);
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Unread");
            var burst = Task.Run(() =>
            {
                for (var i = 0; i < 3000; i++)
                {
                    logger.LogWarning("warn {Number}", i);
                }
            });
            Assert.IsTrue(burst.Wait(TimeSpan.FromSeconds(20)), "Logging blocked on the console although only the files may hold it up.");
            host.Services.GetRequiredService<Implementation.MoniKitLogFactory>().Factory.Flush(TimeSpan.FromSeconds(1));
            listener.RecordObservableInstruments();
            droppedWhileRunning = drops.GetValueOrDefault("console");
            await host.StopAsync();
            listener.RecordObservableInstruments();
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
            stdout.Release();
        }

        Assert.HasCount(3000, TestHost.ReadLines(test.LogFile).Where(l => l.Contains("\"Unread\"", StringComparison.Ordinal)).ToArray());
        Assert.IsGreaterThanOrEqualTo(2000L, droppedWhileRunning, "the console's queue holds twice the queue limit; the rest is dropped and counted at once");
        Assert.AreEqual(3000L, drops.GetValueOrDefault("console"), "every console line is accounted for once the shutdown gave up on it");
        Assert.AreEqual(0L, drops.GetValueOrDefault("file"));
    }
}
