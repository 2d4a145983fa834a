using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoniKit.Testing;

namespace MoniKit.Logging.Tests;

/// <summary>A team's own NLog targets and rules, the NLog way, on top of MoniKit's pipeline.</summary>
[TestClass]
public sealed class NLogConfigurationTests
{
    [TestMethod]
    public async Task AddMoniKitLogging_NLogSectionWithFileTarget_WritesItAndMoniKitsFileStillGetsEveryLine()
    {
        using var test = new TestHost();
        var extra = Path.Combine(test.ContentRoot, "extra", "audit.log");
        var builder = test.CreateBuilder(new Dictionary<string, string?>
        {
            ["NLog:targets:audit:type"] = "File",
            ["NLog:targets:audit:fileName"] = extra,
            ["NLog:targets:audit:layout"] = "${level:uppercase=true}|${logger}|${message}|${configsetting:item=MoniKit.ServiceVersion}",
            ["NLog:rules:0:logger"] = "Audit.*",
            ["NLog:rules:0:minLevel"] = "Info",
            ["NLog:rules:0:writeTo"] = "audit",
        });
        builder.AddMoniKitLogging();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var factory = host.Services.GetRequiredService<ILoggerFactory>();
            for (var i = 0; i < 20; i++)
            {
                factory.CreateLogger("Audit.Orders").LogInformation("order {Number}", i);
            }

            factory.CreateLogger("Audit.Orders").LogDebug("below the rule's level");
            factory.CreateLogger("Other").LogWarning("not an audit line");
            await host.StopAsync();
        }

        var audit = TestHost.ReadLines(extra);
        CollectionAssert.AreEqual(Enumerable.Range(0, 20).Select(i => $"INFO|Audit.Orders|order {i}|1.2.3").ToArray(), audit);
        var moniKit = TestHost.ReadLines(test.LogFile).Where(l => l.Contains("\"Audit.Orders\"", StringComparison.Ordinal) || l.Contains("\"Other\"", StringComparison.Ordinal));
        Assert.AreEqual(22, moniKit.Count(), "MoniKit's own file still has every line, whatever the team's rules say");
        LogAssert.FileConforms(test.LogFile);
    }

    [TestMethod]
    public async Task AddMoniKitLogging_NLogConfigFileInTheContentRoot_AddsItsTargets()
    {
        using var test = new TestHost();
        var extra = Path.Combine(test.ContentRoot, "from-xml.log");
        File.WriteAllText(Path.Combine(test.ContentRoot, "nlog.config"), $"""
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets>
                <target name="xml" xsi:type="File" fileName="{extra}" layout="{"${message}"}" />
              </targets>
              <rules>
                <logger name="*" minlevel="Warn" writeTo="xml" />
              </rules>
            </nlog>
            """);
        var builder = test.CreateBuilder();
        builder.AddMoniKitLogging();
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Xml");
            logger.LogInformation("info stays out");
            logger.LogWarning("warning goes in");
            await host.StopAsync();
        }

        CollectionAssert.AreEqual(new[] { "warning goes in" }, TestHost.ReadLines(extra));
        Assert.AreEqual(2, TestHost.ReadLines(test.LogFile).Count(l => l.Contains("\"Xml\"", StringComparison.Ordinal)));
    }

    [TestMethod]
    [DataRow("NLog:targets:broken:type", "NoSuchTargetType")]
    [DataRow("NLog:rules:0:writeTo", "no-such-target")]
    public void AddMoniKitLogging_BadNLogSection_FailsAtStartNamingTheSectionWithNLogsMessage(string key, string value)
    {
        using var test = new TestHost();
        var builder = test.CreateBuilder(new Dictionary<string, string?>
        {
            [key] = value,
            ["NLog:rules:0:logger"] = "*",
        });
        builder.AddMoniKitLogging();
        var exception = Assert.ThrowsExactly<MoniKitConfigurationException>(() =>
        {
            using var host = builder.Build();
        });
        StringAssert.Contains(exception.Message, "'NLog'");
        StringAssert.Contains(exception.Message, value);
        Assert.IsNotNull(exception.InnerException, "NLog's own exception is kept");
    }
}
