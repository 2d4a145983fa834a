using System.Net.Http.Headers;

namespace MoniKit.AspNetCore.Tests.Management;

/// <summary>
/// A request that arrives with a sampled <c>traceparent</c> is recorded (MoniKit's activity listener samples it), so
/// its <c>http.server.request.duration</c> measurement becomes the exemplar of its bucket in OpenMetrics.
/// </summary>
[TestClass]
public sealed class RequestExemplarTests
{
    private const string SampledTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string UnsampledTrace = "0af7651916cd43dd8448eb211c80319c";

    [TestMethod]
    public async Task Metrics_RequestWithSampledTraceparent_ItsTraceIdIsTheExemplar()
    {
        await using var app = await TestApp.StartAsync(a => a.MapGet("/orders/{id}", (int id) => Results.Ok(new { id })));

        await GetAsync(app, "/orders/1", $"00-{SampledTrace}-00f067aa0ba902b7-01");
        await GetAsync(app, "/orders/2", $"00-{UnsampledTrace}-00f067aa0ba902b7-00");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/openmetrics-text"));
        using var response = await app.Client.SendAsync(request);
        var metrics = await response.Content.ReadAsStringAsync();

        var buckets = metrics.Split('\n').Where(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal) && l.Contains("/orders/{id}", StringComparison.Ordinal)).ToList();
        Assert.AreEqual("application/openmetrics-text; version=1.0.0; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.IsNotEmpty(buckets, metrics);
        Assert.IsTrue(buckets.Any(l => l.Contains($" # {{trace_id=\"{SampledTrace}\",span_id=\"", StringComparison.Ordinal)), string.Join('\n', buckets));
        Assert.IsFalse(metrics.Contains(UnsampledTrace, StringComparison.Ordinal), "an unsampled request became an exemplar");
    }

    private static async Task GetAsync(TestApp app, string path, string traceparent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("traceparent", traceparent);
        using var response = await app.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }
}
