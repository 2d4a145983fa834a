using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Testing;

namespace MoniKit.Logging.Tests;

/// <summary>The one writer behind the JSON console, the log file and the error file.</summary>
[TestClass]
public sealed class JsonWriterTests
{
    [TestMethod]
    public async Task ConsoleJson_SameEventInConsoleAndFile_WrittenAsTheSameConformingLine()
    {
        using var test = new TestHost();
        var lines = await TestHost.CaptureConsoleAsync(async () =>
        {
            var builder = test.CreateBuilder(new Dictionary<string, string?>
            {
                ["MoniKit:Logging:Console"] = "Json",
                ["MoniKit:Logging:ConsoleLevel"] = "Trace",
            });
            builder.AddMoniKitLogging();
            using var host = builder.Build();
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Both");
            using (logger.BeginScope(new Dictionary<string, object?> { ["tenant"] = "acme" }))
            {
                for (var i = 0; i < 50; i++)
                {
                    logger.LogInformation("line {Number} 😀", i);
                }
            }

            logger.LogInformation("to stdout\nsecond part");

            await host.StopAsync();
        });

        var console = lines.Where(l => l.Contains("\"Both\"", StringComparison.Ordinal)).ToArray();
        var file = TestHost.ReadLines(test.LogFile).Where(l => l.Contains("\"Both\"", StringComparison.Ordinal)).ToArray();
        Assert.HasCount(51, file);
        CollectionAssert.AreEqual(file, console);
        LogAssert.Conforms(lines);
        Assert.AreEqual(1, lines.Count(l => l.Contains("to stdout\\nsecond part", StringComparison.Ordinal)), "a new line in a message stays inside its line");
        Assert.AreEqual("acme", LogFileTests.Parse(file[49]).GetProperty("tenant").GetString());
        Assert.AreEqual("line 49 😀", LogFileTests.Parse(file[49]).GetProperty("message").GetString());
    }

    [TestMethod]
    public async Task LogFolderUnwritable_ServiceKeepsLoggingElsewhere_AndCountsTheFileLines()
    {
        using var test = new TestHost();

        // A file where the log folder should be: the folder can never be created.
        File.WriteAllText(Path.Combine(test.ContentRoot, "blocked"), "not a folder");
        var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Directory"] = "blocked" });
        builder.AddMoniKitLogging();
        var dropped = new Dictionary<string, long>();
        using var listener = TestHost.ListenTo("monikit.log.events.dropped", dropped);
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Blocked");
        for (var i = 0; i < 10; i++)
        {
            logger.LogError("cannot be written {Number}", i);
        }

        host.Services.GetRequiredService<Implementation.MoniKitLogFactory>().Flush();
        listener.RecordObservableInstruments();

        // Every line is accounted for in both files' counters; nothing threw into the caller.
        Assert.IsGreaterThanOrEqualTo(10L, dropped.GetValueOrDefault("file"));
        Assert.IsGreaterThanOrEqualTo(10L, dropped.GetValueOrDefault("error-file"));
        Assert.IsFalse(dropped.ContainsKey("console"));
        await host.StopAsync();
    }

    [TestMethod]
    public async Task FileFolderAppearsLater_WritingResumes()
    {
        using var test = new TestHost();
        var blocker = Path.Combine(test.ContentRoot, "later");
        File.WriteAllText(blocker, "not a folder yet");
        var builder = test.CreateBuilder(new Dictionary<string, string?> { ["MoniKit:Logging:Directory"] = "later" });
        builder.AddMoniKitLogging();
        using var host = builder.Build();
        await host.StartAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Later");
        var logFactory = host.Services.GetRequiredService<Implementation.MoniKitLogFactory>();
        logger.LogInformation("lost");
        logFactory.Flush();

        File.Delete(blocker);
        var file = Path.Combine(blocker, "orders.json");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!TestHost.ReadLines(file).Any(l => l.Contains("\"found ", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            logger.LogInformation("found {Attempt}", DateTime.UtcNow.Ticks);
            logFactory.Flush();
            await Task.Delay(100);
        }

        await host.StopAsync();
        Assert.IsTrue(TestHost.ReadLines(file).Any(l => l.Contains("\"found ", StringComparison.Ordinal)), "Writing never resumed.");
        LogAssert.FileConforms(file);
    }

    [TestMethod]
    public async Task ExistingFileAtTheLimit_FirstLineRollsIt()
    {
        using var test = new TestHost();
        Directory.CreateDirectory(test.LogDirectory);
        var old = string.Concat(Enumerable.Repeat("{\"message\":\"from an earlier run\"}\n", 200));
        File.WriteAllText(test.LogFile, old);
        var builder = test.CreateBuilder(new Dictionary<string, string?>
        {
            ["MoniKit:Logging:ArchiveAboveSizeMb"] = "0.005",
            ["MoniKit:Logging:ErrorFile"] = "false",
        });
        builder.AddMoniKitLogging();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Fresh").LogInformation("new run");
            await host.StopAsync();
        }

        Assert.AreEqual(old, File.ReadAllText(Path.Combine(test.LogDirectory, "orders_01.json")));
        Assert.IsTrue(TestHost.ReadLines(test.LogFile).Any(l => l.Contains("new run", StringComparison.Ordinal)));
        Assert.IsFalse(File.ReadAllText(test.LogFile).Contains("earlier run", StringComparison.Ordinal));
    }
}
