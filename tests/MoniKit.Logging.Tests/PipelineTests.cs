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
    [DataRow("5", 5)]
    [DataRow("0", int.MaxValue)]
    public async Task AddMoniKitLogging_SmallArchiveLimit_RollsToNumberedFilesAndKeepsTheNewest(string maxArchiveFiles, int kept)
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?>
        {
            ["MoniKit:Logging:ArchiveAboveSizeMb"] = "0.005",
            ["MoniKit:Logging:MaxArchiveFiles"] = maxArchiveFiles,
            ["MoniKit:Logging:ErrorFile"] = "false",
        });
        builder.AddMoniKitLogging();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Roll");
            var padding = new string('x', 400);
            for (var i = 0; i < 100; i++)
            {
                logger.LogInformation("line {Number} {Padding}", i, padding);
            }

            await host.StopAsync();
        }

        var files = Directory.GetFiles(test.LogDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("orders.json", files);
        foreach (var file in files.Where(f => f != "orders.json"))
        {
            StringAssert.Matches(file, ArchiveName());
        }

        var lines = new List<System.Text.Json.JsonElement>();
        foreach (var file in files)
        {
            var path = Path.Combine(test.LogDirectory, file!);
            Assert.IsLessThanOrEqualTo(5 * 1024, new FileInfo(path).Length, file);
            LogAssert.FileConforms(path);
            lines.AddRange(TestHost.ReadLines(path).Select(LogFileTests.Parse).Where(e => e.GetProperty("log.logger").GetString() == "Roll"));
        }

        var last = TestHost.ReadLines(test.LogFile).Select(LogFileTests.Parse).Last(e => e.GetProperty("log.logger").GetString() == "Roll");
        Assert.AreEqual(99, last.GetProperty("Number").GetInt32());
        if (kept == 5)
        {
            Assert.HasCount(6, files, string.Join(", ", files));
        }
        else
        {
            // Nothing deleted: every line is still in some file.
            Assert.AreEqual(100, lines.Select(e => e.GetProperty("Number").GetInt32()).Distinct().Count(), string.Join(", ", files));
        }
    }

    [TestMethod]
    public async Task AddMoniKitLogging_EventsLogged_CountedByLevel()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder();
        builder.AddMoniKitLogging();
        using var host = builder.Build();
        var counts = new Dictionary<string, long>();
        using var listener = TestHost.ListenTo("monikit.log.events", counts);

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
        var drops = new Dictionary<string, long>();
        using var listener = TestHost.ListenTo("monikit.log.events.dropped", drops);

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
        var dropped = drops.GetValueOrDefault("file");
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
    [DataRow("MoniKit:Logging:ConsoleLevel", "None")]
    [DataRow("MoniKit:Logging:ConsoleLevel", "Loud")]
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
    public async Task AddMoniKitLogging_ProductionConsole_ShowsWarningsUpWhileTheFileHasEveryLine()
    {
        using var test = new TestHost();
        var lines = await TestHost.CaptureConsoleAsync(async () =>
        {
            var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Console"] = null });
            builder.AddMoniKitLogging();
            using var host = builder.Build();
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Levels");
            logger.LogInformation("routine");
            logger.LogWarning("attention");
            logger.LogError("failure");
            await host.StopAsync();
        });

        var console = lines.Where(l => l.Contains("\"Levels\"", StringComparison.Ordinal));
        CollectionAssert.AreEqual(
            new[] { "attention", "failure" }, console.Select(l => LogFileTests.Parse(l).GetProperty("message").GetString()).ToArray());
        var file = TestHost.ReadLines(test.LogFile).Where(l => l.Contains("\"Levels\"", StringComparison.Ordinal));
        Assert.AreEqual(3, file.Count());
    }

    [TestMethod]
    public void AddMoniKitLogging_Development_DefaultsToTextConsole()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Console"] = null }, "Development");
        builder.AddMoniKitLogging();
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<MoniKitLoggingOptions>();
        Assert.AreEqual(MoniKitConsoleFormat.Text, options.Console);
        Assert.AreEqual(LogLevel.Trace, options.ConsoleLevel);
    }

    [GeneratedRegex(@"^orders_\d{2}\.json$")]
    private static partial Regex ArchiveName();
}
