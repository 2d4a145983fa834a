using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Testing;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class LogFileTests
{
    [TestMethod]
    public async Task AddMoniKitLogging_EveryLevel_FileHasOneConformingLinePerEventAndErrorFileOnlyErrors()
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder();
        builder.AddMoniKitLogging();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders.Api");
            logger.LogTrace("trace {Id}", 1);
            logger.LogDebug("debug {Id}", 2);
            logger.LogInformation("info {Id}", 3);
            logger.LogWarning("warn {Id}", 4);
            logger.LogError("error {Id}", 5);
            logger.LogCritical("fatal {Id}", 6);
            await host.StopAsync();

            var lines = TestHost.ReadLines(test.LogFile).Where(l => l.Contains("\"Orders.Api\"", StringComparison.Ordinal)).ToArray();
            Assert.HasCount(6, lines);
            LogAssert.FileConforms(test.LogFile);
            CollectionAssert.AreEqual(
                new[] { "trace", "debug", "info", "warn", "error", "fatal" },
                lines.Select(l => Parse(l).GetProperty("log.level").GetString()).ToArray());

            var errors = TestHost.ReadLines(test.ErrorFile);
            LogAssert.FileConforms(test.ErrorFile);
            CollectionAssert.AreEqual(
                new[] { "error 5", "fatal 6" }, errors.Select(l => Parse(l).GetProperty("message").GetString()).ToArray());
        }
    }

    [TestMethod]
    public async Task Layout_SchemaFields_WrittenWithServiceIdentity()
    {
        using var test = new TestHost();
        var lines = await LogAsync(test, logger => logger.LogInformation("Order {OrderId} for {Amount} paid {Paid} at {When}", 42, 9.5, true, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        var line = Parse(lines.Single(l => l.Contains("Order 42", StringComparison.Ordinal)));
        Assert.AreEqual("orders", line.GetProperty("service.name").GetString());
        Assert.AreEqual("1.2.3", line.GetProperty("service.version").GetString());
        Assert.AreEqual("Production", line.GetProperty("service.environment").GetString());
        Assert.AreEqual(Environment.MachineName, line.GetProperty("host.name").GetString());
        Assert.AreEqual("Test", line.GetProperty("log.logger").GetString());
        Assert.AreEqual("app", line.GetProperty("monikit.kind").GetString());
        Assert.AreEqual("8.11.0", line.GetProperty("ecs.version").GetString());
        Assert.AreEqual(LogFields.CurrentSchemaVersion, line.GetProperty("monikit.schema").GetString());
        Assert.AreEqual(42, line.GetProperty("OrderId").GetInt32());
        Assert.AreEqual(9.5, line.GetProperty("Amount").GetDouble());
        Assert.IsTrue(line.GetProperty("Paid").GetBoolean());
        Assert.AreEqual("2024-01-02T03:04:05.0000000+00:00", line.GetProperty("When").GetString());
        Assert.IsFalse(line.TryGetProperty("{OriginalFormat}", out _));
        StringAssert.Matches(line.GetProperty("@timestamp").GetString(), new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$"));
        var timestamp = DateTimeOffset.Parse(line.GetProperty("@timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsLessThan(TimeSpan.FromMinutes(5), (DateTimeOffset.UtcNow - timestamp).Duration());
    }

    internal static async Task<string[]> LogAsync(TestHost test, Action<ILogger> log, IDictionary<string, string?>? settings = null)
    {
        var builder = test.CreateBuilder(settings);
        builder.AddMoniKitLogging();
        using var host = builder.Build();
        await host.StartAsync();
        log(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Test"));
        await host.StopAsync();
        return [.. TestHost.ReadLines(test.LogFile).Where(l => Parse(l).GetProperty("log.logger").GetString() == "Test")];
    }

    internal static JsonElement Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }
}
