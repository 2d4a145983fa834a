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
}
