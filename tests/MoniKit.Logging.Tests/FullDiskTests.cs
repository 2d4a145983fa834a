using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Logging.Tests;

/// <summary>A real full filesystem: a 2 MB tmpfs mounted for the test (as root only).</summary>
[TestClass]
public sealed class FullDiskTests
{
    [TestMethod]
    public async Task AddMoniKitLogging_DiskFullThenFreed_EveryLineStaysJsonAndTheOutageIsReportedOnce()
    {
        using var test = new TestHost();
        var mount = Path.Combine(test.ContentRoot, "small-disk");
        using var disk = TmpfsMount.TryMount(mount, "2m", out var why);
        if (disk is null)
        {
            Assert.Inconclusive($"A real full filesystem needs a tmpfs mount, which needs root: {why}");
        }

        // Most of the disk is taken by something else; deleting it later frees the space.
        var filler = Path.Combine(mount, "filler.bin");
        File.WriteAllBytes(filler, new byte[1536 * 1024]);
        using var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        var drops = new Dictionary<string, long>();
        var written = 0;
        try
        {
            var builder = test.CreateBuilder(new Dictionary<string, string?>
            {
                ["MoniKit:Logging:Directory"] = Path.Combine(mount, "logs"),
                ["MoniKit:Logging:ArchiveAboveSizeMb"] = "100",
            });
            builder.AddMoniKitLogging();
            using var host = builder.Build();
            using var listener = TestHost.ListenTo("monikit.log.events.dropped", drops);
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Disk");
            var logFactory = host.Services.GetRequiredService<Implementation.MoniKitLogFactory>();
            var padding = new string('x', 700);
            void LogBatch()
            {
                for (var i = 0; i < 50; i++)
                {
                    logger.LogError("line {Number} {Padding}", written++, padding);
                }

                logFactory.Factory.Flush(TimeSpan.FromSeconds(5));
                listener.RecordObservableInstruments();
            }

            var clock = Stopwatch.StartNew();
            while (drops.GetValueOrDefault("file") == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                LogBatch();
            }

            Assert.IsGreaterThan(0L, drops.GetValueOrDefault("file"), "the disk never filled up");

            // Full for a few retry periods, then freed.
            clock.Restart();
            while (clock.Elapsed < TimeSpan.FromSeconds(3.5))
            {
                LogBatch();
                await Task.Delay(100);
            }

            File.Delete(filler);
            clock.Restart();
            while (!stderr.ToString().Contains("orders.json again", StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                LogBatch();
                await Task.Delay(100);
            }

            await host.StopAsync();
        }
        finally
        {
            Console.SetError(original);
        }

        var messages = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, messages.Count(m => m.Contains("cannot write the log file", StringComparison.Ordinal) && m.Contains("orders.json", StringComparison.Ordinal)), stderr.ToString());
        Assert.AreEqual(1, messages.Count(m => m.Contains("writing the log file", StringComparison.Ordinal) && m.Contains("orders.json", StringComparison.Ordinal) && m.Contains("again", StringComparison.Ordinal)), stderr.ToString());
        var resumed = messages.Single(m => m.Contains("orders.json again", StringComparison.Ordinal));
        StringAssert.Contains(resumed, "lines were dropped", "the resume message says how much was lost");
        foreach (var path in Directory.GetFiles(Path.Combine(mount, "logs")))
        {
            foreach (var line in File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                try
                {
                    using var document = JsonDocument.Parse(line);
                }
                catch (JsonException ex)
                {
                    Assert.Fail($"{Path.GetFileName(path)} has a line that is not one JSON object ({ex.Message}): {line}");
                }
            }

            Assert.EndsWith("\n", File.ReadAllText(path), path);
        }

        var lines = TestHost.ReadLines(Path.Combine(mount, "logs", "orders.json"));
        Assert.IsTrue(lines.Any(l => l.Contains($"line {written - 1} ", StringComparison.Ordinal)), "writing resumed after the space came back");
        Assert.AreEqual(written, lines.Count(l => l.Contains("\"Disk\"", StringComparison.Ordinal)) + drops.GetValueOrDefault("file"), "every line is in the file or counted");
    }
}
