using System.Net;
using MoniKit.Templates.Tests.Infrastructure;
using MoniKit.Templates.Tests.Stack;

namespace MoniKit.Templates.Tests;

/// <summary>
/// Debian's Prometheus, run with a generated project's own <c>monitoring/prometheus</c> config (only the target's
/// address changed), scrapes the running generated webapi.
/// </summary>
[TestClass]
public sealed class PrometheusScrapeTests
{
    private const int Requests = 25;
    private const string OrdersRoute = "/orders/{id:int}";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Prometheus_RequestsToARoute_CountedUnderTheRouteTemplate()
    {
        var project = await StackTestProject.GetAsync();
        await using var service = await project.StartAsync();
        using var config = ScrapeConfig(project, service);
        await using var prometheus = await PrometheusServer.StartAsync(config.PrometheusConfig);
        var selector = $"service=\"{config.ServiceName}\"";

        for (var id = 1; id <= Requests; id++)
        {
            using var response = await service.Client.GetAsync($"/orders/{id}");
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        }

        var up = await prometheus.QueryUntilAsync($"up{{job=\"monikit\", {selector}}}", r => r.Samples.Count == 1 && r.Samples[0].Value == 1, TimeSpan.FromSeconds(30));
        Assert.IsTrue(up.Samples.Count == 1 && up.Samples[0].Value == 1, $"up is not 1: {up}\n{prometheus.Output}");

        var count = await prometheus.QueryUntilAsync(
            $"sum(http_server_request_duration_seconds_count{{job=\"monikit\", {selector}, http_route=\"{OrdersRoute}\"}})",
            r => r.Sum >= Requests,
            TimeSpan.FromSeconds(30));
        TestContext.WriteLine(count.ToString());
        Assert.AreEqual(Requests, count.Sum, $"{count}\n{prometheus.Output}");

        // One series per status code and method, never one per order id.
        var byPath = await prometheus.QueryAsync($"http_server_request_duration_seconds_count{{{selector}, http_route=~\"/orders/[0-9]+\"}}");
        Assert.IsEmpty(byPath.Samples, byPath.ToString());
        var series = await prometheus.QueryAsync($"http_server_request_duration_seconds_count{{{selector}, http_route=\"{OrdersRoute}\"}}");
        Assert.HasCount(1, series.Samples, series.ToString());
        Assert.AreEqual("200", series.Samples[0].Labels["http_response_status_code"]);
        Assert.AreEqual("GET", series.Samples[0].Labels["http_request_method"]);
    }

    [TestMethod]
    public async Task Dashboards_EveryPrometheusQuery_EvaluatesAndTheWebApiPanelsShowData()
    {
        var project = await StackTestProject.GetAsync();
        await using var service = await project.StartAsync();
        using var config = ScrapeConfig(project, service);
        await using var prometheus = await PrometheusServer.StartAsync(config.PrometheusConfig);

        // Traffic of every kind the RED panels show: successes, a 404 and 500s.
        await using var traffic = BackgroundTraffic.Start(service.Client, TimeSpan.FromMilliseconds(250), "/orders/1", "/orders/2", "/orders/0", "/demo/failure");

        var files = Directory.GetFiles(config.DashboardsDirectory, "*.json").Order().ToList();
        Assert.IsNotEmpty(files);
        var byFile = files.ToDictionary(f => Path.GetFileName(f), DashboardQuery.Read);
        foreach (var (file, inFile) in byFile)
        {
            Assert.IsNotEmpty(inFile, $"{file} has no Prometheus query");
        }

        var queries = byFile.Values.SelectMany(q => q).ToList();

        // A webapi fills the RED view (service overview), the runtime and the errors dashboards: each of their panels
        // must show the service's data. Rate windows need a few scrapes, and the SLO panel a recording rule evaluated
        // every 30 s, so wait for each in turn. The database and jobs dashboards are for the data and worker templates.
        string[] withData = ["service-overview.json", "runtime.json", "errors-and-logs.json"];
        Assert.IsTrue(withData.All(byFile.ContainsKey), string.Join(", ", byFile.Keys));
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var empty = new List<string>();
        foreach (var query in withData.SelectMany(f => byFile[f]))
        {
            var remaining = deadline - DateTime.UtcNow;
            var result = await prometheus.QueryUntilAsync(query.ToPromQl(config.ServiceName), r => r.HasData || r.Error is not null, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            if (!result.HasData)
            {
                empty.Add($"{query} => {result}");
            }
            else if (query.Panel.StartsWith("variable", StringComparison.Ordinal))
            {
                Assert.IsTrue(result.Samples.Any(s => s.Labels.GetValueOrDefault("service") == config.ServiceName), $"{query} does not list the service: {result}");
            }
        }

        // Then every query of every dashboard, with data now scraped: none may be rejected. The database and job
        // dashboards stay empty for a webapi without a database or jobs; that is no error.
        var errors = new List<string>();
        foreach (var query in queries)
        {
            var result = await prometheus.QueryAsync(query.ToPromQl(config.ServiceName));
            TestContext.WriteLine($"{query.Dashboard} / {query.Panel}: {(result.Error is null ? $"{result.Samples.Count} series" : "ERROR " + result.Error)}");
            if (result.Error is not null)
            {
                errors.Add($"{query}\n  {result.Error}");
            }
        }

        Assert.IsEmpty(errors, "Prometheus rejected dashboard queries:\n" + string.Join('\n', errors));
        Assert.IsEmpty(empty, "Dashboard panels without data:\n" + string.Join('\n', empty));
        Assert.IsGreaterThan(0, traffic.Count(500), "the failure route never answered 500");
    }

    private static LocalMonitoringConfig ScrapeConfig(GeneratedProject project, RunningService service)
    {
        var config = LocalMonitoringConfig.CopyFrom(project);
        config.ScrapeServiceAt($"127.0.0.1:{service.Port}");
        return config;
    }
}
