using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class PipelineTests
{
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
    public async Task AddMoniKitLogging_RetentionDeletesArchives_EveryLineIsInTheFolderOrCountedAsDeletedOrDropped()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?>
        {
            ["MoniKit:Logging:ArchiveAboveSizeMb"] = "0.005",
            ["MoniKit:Logging:MaxArchiveFiles"] = "2",
            ["MoniKit:Logging:ErrorFile"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddMoniKitLogging();
        var events = new Dictionary<string, long>();
        var archives = new Dictionary<string, long>();
        var lines = new Dictionary<string, long>();
        var dropped = new Dictionary<string, long>();
        using (var host = builder.Build())
        {
            using var eventListener = TestHost.ListenTo("monikit.log.events", events);
            using var archiveListener = TestHost.ListenTo("monikit.log.archives.deleted", archives);
            using var lineListener = TestHost.ListenTo("monikit.log.archives.deleted_lines", lines);
            using var dropListener = TestHost.ListenTo("monikit.log.events.dropped", dropped);
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Roll");
            var padding = new string('x', 400);
            for (var i = 0; i < 100; i++)
            {
                logger.LogWarning("line {Number} {Padding}", i, padding);
            }

            await host.StopAsync();
            foreach (var listener in new[] { eventListener, archiveListener, lineListener, dropListener })
            {
                listener.RecordObservableInstruments();
            }
        }

        var inFolder = Directory.GetFiles(test.LogDirectory).Sum(f => TestHost.ReadLines(f).Length);
        Assert.IsGreaterThan(0L, archives.GetValueOrDefault("file"), "the run rolled past the retention limit");
        Assert.IsGreaterThan(0L, lines.GetValueOrDefault("file"));
        Assert.AreEqual(100L, events.Values.Sum());
        Assert.AreEqual(100L, inFolder + lines.GetValueOrDefault("file") + dropped.GetValueOrDefault("file"));
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
    [DataRow("/proc/monikit-logs", "cannot be created")]
    [DataRow("/proc", "cannot be written")]
    [DataRow("existing-file", "is a file")]
    public void AddMoniKitLogging_DirectoryThatCannotHoldLogFiles_ThrowsNamingTheKeyAndTheReason(string directory, string reason)
    {
        using var test = new TestHost();
        File.WriteAllText(Path.Combine(test.ContentRoot, "existing-file"), "not a folder");
        var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Directory"] = directory });
        var exception = Assert.ThrowsExactly<MoniKitConfigurationException>(() => builder.AddMoniKitLogging());
        StringAssert.Contains(exception.Message, "MoniKit:Logging:Directory");
        StringAssert.Contains(exception.Message, reason);
    }

    [TestMethod]
    public void AddMoniKitLogging_NoFilesAndAnUnusableDirectory_Starts()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?>
        {
            ["MoniKit:Logging:Directory"] = "/proc/monikit-logs",
            ["MoniKit:Logging:File"] = "false",
            ["MoniKit:Logging:ErrorFile"] = "false",
        });
        builder.AddMoniKitLogging();
        using var host = builder.Build();
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NoFiles").LogInformation("nowhere to go");
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
}
