using System.Globalization;

namespace MoniKit.Templates.Tests.Reliability;

/// <summary>
/// The SLIs count the service's own traffic only: a generated webapi scraped 20 times, and probed, records none of
/// those requests in <c>http_server_request_duration_seconds</c>, on its own port or on a management port.
/// </summary>
[TestClass]
public sealed class ManagementMetricsScenarioTests
{
    private static readonly string[] ManagementPaths = ["/metrics", "/metrics-text", "/env", "/ping", "/health", "/alive"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public async Task WebApi_Scraped20Times_NoManagementRouteInTheRequestMetrics(bool managementPort)
    {
        var project = await ReliabilityProjects.WebApiAsync();
        var port = FreePort.Next();
        var environment = new Dictionary<string, string?> { ["MoniKit__Logging__Directory"] = ReliabilityProjects.NewLogDirectory() };
        if (managementPort)
        {
            environment["MoniKit__Management__Port"] = port.ToString(CultureInfo.InvariantCulture);
        }

        await using var service = await project.StartAsync(environment, readinessPath: "/orders/1");
        using var management = new HttpClient { BaseAddress = managementPort ? new Uri($"http://127.0.0.1:{port}") : service.BaseAddress };
        for (var id = 1; id <= 5; id++)
        {
            (await service.Client.GetAsync($"/orders/{id}")).Dispose();
        }

        var metrics = string.Empty;
        for (var scrape = 0; scrape < 20; scrape++)
        {
            foreach (var probe in ManagementPaths.Skip(1))
            {
                (await management.GetAsync(probe)).Dispose();
            }

            metrics = await management.GetStringAsync("/metrics");
        }

        var durations = metrics.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)).ToList();
        TestContext.WriteLine(string.Join('\n', durations));
        var orders = durations.Single(l => l.Contains("http_route=\"/orders/{id:int}\"", StringComparison.Ordinal));
        StringAssert.EndsWith(orders, " 6", "the readiness request and the five lookups");
        foreach (var path in ManagementPaths)
        {
            Assert.IsFalse(durations.Any(l => l.Contains($"http_route=\"{path}\"", StringComparison.Ordinal)), $"{path} is in the request metrics:\n{string.Join('\n', durations)}");
        }

        Assert.HasCount(1, durations, "no other series: the management requests left none, not even without a route");
    }
}
