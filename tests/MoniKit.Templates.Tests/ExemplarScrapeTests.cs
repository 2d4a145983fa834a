using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using MoniKit.Templates.Tests.Stack;

namespace MoniKit.Templates.Tests;

/// <summary>
/// From a request to its exemplar: a generated webapi scraped in OpenMetrics shows the trace id of a request sent with
/// a sampled <c>traceparent</c>, and Debian's Prometheus with exemplar storage returns it from <c>query_exemplars</c>.
/// </summary>
[TestClass]
public sealed class ExemplarScrapeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Metrics_RequestWithSampledTraceparent_ItsTraceIdIsAnExemplarThatPrometheusStores()
    {
        var project = await StackTestProject.GetAsync();
        await using var service = await project.StartAsync();
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using (var request = new HttpRequestMessage(HttpMethod.Get, "/orders/7"))
        {
            request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}-01");
            using var response = await service.Client.SendAsync(request);
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        }

        using var scrape = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        scrape.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/openmetrics-text"));
        using var answer = await service.Client.SendAsync(scrape);
        var metrics = await answer.Content.ReadAsStringAsync();
        var buckets = metrics.Split('\n')
            .Where(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("http_route=\"/orders/{id:int}\"", StringComparison.Ordinal))
            .ToList();
        Assert.AreEqual("application/openmetrics-text; version=1.0.0; charset=utf-8", answer.Content.Headers.ContentType!.ToString());
        StringAssert.EndsWith(metrics, "# EOF\n");
        Assert.IsTrue(buckets.Any(l => l.Contains($" # {{trace_id=\"{traceId}\",span_id=\"", StringComparison.Ordinal)), string.Join('\n', buckets));

        using var config = LocalMonitoringConfig.CopyFrom(project);
        config.ScrapeServiceAt($"127.0.0.1:{service.Port}");
        await using var prometheus = await PrometheusServer.StartAsync(config.PrometheusConfig, "--enable-feature=exemplar-storage");
        using var client = new HttpClient { BaseAddress = prometheus.BaseAddress };
        var clock = Stopwatch.StartNew();
        var found = string.Empty;
        while (!found.Contains(traceId, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(1000);
            var end = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var query = $"/api/v1/query_exemplars?query={Uri.EscapeDataString("http_server_request_duration_seconds_bucket")}&start={end - 600}&end={end + 60}";
            found = await client.GetStringAsync(query);
        }

        TestContext.WriteLine(found);
        using var document = JsonDocument.Parse(found);
        var traceIds = document.RootElement.GetProperty("data").EnumerateArray()
            .SelectMany(series => series.GetProperty("exemplars").EnumerateArray())
            .Select(exemplar => exemplar.GetProperty("labels").GetProperty("trace_id").GetString())
            .ToList();
        CollectionAssert.Contains(traceIds, traceId, $"{found}\n{prometheus.Output}");
    }
}
