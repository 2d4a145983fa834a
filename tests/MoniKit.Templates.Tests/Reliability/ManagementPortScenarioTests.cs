using System.Globalization;
using System.Net;
using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>
/// A generated webapi bound to 127.0.0.1 with <c>MoniKit__Management__Port</c> set: the management port answers the
/// management paths and nothing else, and only on the application's own host.
/// </summary>
[TestClass]
public sealed class ManagementPortScenarioTests
{
    [TestMethod]
    public async Task WebApi_ManagementPort_AnswersNothingButTheManagementPaths()
    {
        var project = await ReliabilityProjects.WebApiAsync();
        var port = FreePort.Next();
        var logs = ReliabilityProjects.NewLogDirectory();
        await using var service = await project.StartAsync(
            new Dictionary<string, string?>
            {
                ["MoniKit__Management__Port"] = port.ToString(CultureInfo.InvariantCulture),
                ["MoniKit__Logging__Directory"] = logs,
            },
            readinessPath: "/orders/1");
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

        foreach (var path in new[] { "/metrics", "/metrics-text", "/env", "/ping", "/health", "/alive" })
        {
            using var answer = await management.GetAsync(path);
            Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode, path);
        }

        foreach (var path in new[] { "/orders/1", "/demo/failure", "/", "/swagger/index.html" })
        {
            using var answer = await management.GetAsync(path);
            Assert.AreEqual(HttpStatusCode.NotFound, answer.StatusCode, path);
        }

        using (var metricsOnApp = await service.Client.GetAsync("/metrics"))
        {
            Assert.AreEqual(HttpStatusCode.NotFound, metricsOnApp.StatusCode, "the application's port serves the endpoints too");
        }

        if (MachineAddresses.NonLoopback() is { } other)
        {
            Assert.IsFalse(await MachineAddresses.AcceptsAsync(other, port), $"the management port answered on {other}, beyond the app's 127.0.0.1");
        }

        await service.StopAsync();
        var lines = LogLines.FromFiles(logs);
        Assert.IsFalse(lines.Any(l => l.Contains("Demonstration failure", StringComparison.Ordinal)), "the failure endpoint ran on the management port:\n" + string.Join('\n', lines));
    }

}
