using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Testing;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed partial class PipelineTests
{
    [TestMethod]
    public async Task AddMoniKitLogging_SmallArchiveLimit_RollsToNumberedFilesAndKeepsFive()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?>
        {
            ["MoniKit:Logging:ArchiveAboveSizeMb"] = "0.005",
            ["MoniKit:Logging:ErrorFile"] = "false",
        });
        builder.AddMoniKitLogging();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Roll");
            var logFactory = host.Services.GetRequiredService<Implementation.MoniKitLogFactory>();
            var padding = new string('x', 400);
            for (var i = 0; i < 100; i++)
            {
                // The size is checked before each write batch; flushing makes every event its own batch.
                logger.LogInformation("line {Number} {Padding}", i, padding);
                logFactory.Flush();
            }

            await host.StopAsync();
        }

        var files = Directory.GetFiles(test.LogDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.HasCount(6, files, string.Join(", ", files));
        Assert.Contains("orders.json", files);
        foreach (var file in files.Where(f => f != "orders.json"))
        {
            StringAssert.Matches(file, ArchiveName());
        }

        foreach (var file in files)
        {
            var path = Path.Combine(test.LogDirectory, file!);
            Assert.IsLessThanOrEqualTo(5 * 1024 + 1024, new FileInfo(path).Length, file);
            LogAssert.FileConforms(path);
        }

        var last = TestHost.ReadLines(test.LogFile).Select(LogFileTests.Parse).Last(e => e.GetProperty("log.logger").GetString() == "Roll");
        Assert.AreEqual(99, last.GetProperty("Number").GetInt32());
    }

    [TestMethod]
    public async Task AddMoniKitLogging_EventsLogged_CountedByLevel()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder();
        builder.AddMoniKitLogging();
        using var host = builder.Build();
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MoniKit.Logging" && instrument.Name == "monikit.log.events")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => counts[(string)tags[0].Value!] = value);
        listener.Start();

        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Count");
        listener.RecordObservableInstruments();
        var before = new Dictionary<string, long>(counts);
        for (var i = 0; i < 3; i++)
        {
            logger.LogWarning("warn");
        }

        logger.LogError("error");
        listener.RecordObservableInstruments();
        Assert.AreEqual(3, counts["warn"] - before.GetValueOrDefault("warn"));
        Assert.AreEqual(1, counts["error"] - before.GetValueOrDefault("error"));
        Assert.AreEqual(0, counts["fatal"] - before.GetValueOrDefault("fatal"));
        await host.StopAsync();
    }

    [TestMethod]
    public async Task AddMoniKitLogging_QueueFull_DropsAndCountsWithoutBlocking()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?>
        {
            ["MoniKit:Logging:QueueLimit"] = "1",
            ["MoniKit:Logging:ErrorFile"] = "false",
        });
        builder.AddMoniKitLogging();
        using var host = builder.Build();
        long dropped = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "MoniKit.Logging" && instrument.Name == "monikit.log.events.dropped")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if ((string?)tags[0].Value == "file")
            {
                dropped = value;
            }
        });
        listener.Start();

        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Burst");
        const int Total = 20_000;
        var burst = Task.Run(() =>
        {
            for (var i = 0; i < Total; i++)
            {
                logger.LogInformation("burst {Number}", i);
            }
        });
        Assert.IsTrue(burst.Wait(TimeSpan.FromMinutes(2)), "Logging blocked on a full queue.");
        await host.StopAsync();
        listener.RecordObservableInstruments();

        var written = TestHost.ReadLines(test.LogFile).Count(l => l.Contains("\"Burst\"", StringComparison.Ordinal));
        Assert.IsGreaterThan(0, dropped);
        Assert.IsLessThan(Total, written);

        // NLog's lock-free queue may count an event as dropped in the same instant the writer takes it, so the sum
        // can exceed the total slightly; what matters is that no event disappears uncounted.
        Assert.IsGreaterThanOrEqualTo(Total, written + dropped);
    }

    [TestMethod]
    [DataRow("MoniKit:Logging:QueueLimit", "0")]
    [DataRow("MoniKit:Logging:MaxArchiveFiles", "-1")]
    [DataRow("MoniKit:Logging:ArchiveAboveSizeMb", "0")]
    [DataRow("MoniKit:Logging:Console", "Fancy")]
    [DataRow("MoniKit:Logging:OverflowAction", "Explode")]
    [DataRow("MoniKit:Logging:FileName", "sub/orders.json")]
    [DataRow("MoniKit:Logging:Directory", " ")]
    public void AddMoniKitLogging_InvalidSetting_ThrowsNamingTheKey(string key, string value)
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?> { [key] = value });
        var exception = Assert.ThrowsExactly<MoniKitConfigurationException>(() => builder.AddMoniKitLogging());
        StringAssert.Contains(exception.Message, key);
    }

    [TestMethod]
    public async Task AddMoniKitLogging_ConsoleJson_WritesConformingLinesToStandardOutput()
    {
        using var test = new TestHost();
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Console"] = "Json" });
            builder.AddMoniKitLogging();
            using var host = builder.Build();
            await host.StartAsync();
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Console").LogInformation("to stdout\nsecond part");
            await host.StopAsync();
        }
        finally
        {
            Console.SetOut(original);
        }

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        LogAssert.Conforms(lines);
        Assert.AreEqual(1, lines.Count(l => l.Contains("to stdout\\nsecond part", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void AddMoniKitLogging_Development_DefaultsToTextConsole()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Console"] = null }, "Development");
        builder.AddMoniKitLogging();
        using var host = builder.Build();
        Assert.AreEqual(MoniKitConsoleFormat.Text, host.Services.GetRequiredService<MoniKitLoggingOptions>().Console);
    }

    [GeneratedRegex(@"^orders_\d{2}\.json$")]
    private static partial Regex ArchiveName();
}
