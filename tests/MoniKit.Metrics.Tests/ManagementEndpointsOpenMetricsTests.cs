using System.Diagnostics.Metrics;
using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace MoniKit.Metrics.Tests;

/// <summary>What a scraper sees of <c>/metrics</c> when it asks for OpenMetrics, and when it does not.</summary>
[TestClass]
public sealed class ManagementEndpointsOpenMetricsTests
{
    private const string OpenMetrics = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    // What Prometheus 2.42 sends.
    private const string PrometheusAccept =
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    [TestMethod]
    public async Task HandleAsync_PrometheusAccept_OpenMetricsWithExemplarOfTheSampledRequest()
    {
        await using var host = await TestHost.StartAsync(new() { ["MoniKit:Metrics:Meters:0"] = "MyCompany.*" });
        var histogram = host.Services.GetRequiredService<IMeterFactory>().Create("MyCompany.Orders").CreateHistogram<double>("orders.checkout.duration", "s");
        histogram.Record(0.02);
        ShopInstruments.InSampledActivity(() => histogram.Record(0.3));

        var (response, body) = await host.GetAsync("/metrics", ("Accept", PrometheusAccept));
        var bucket = body.Split('\n').Single(l => l.StartsWith("orders_checkout_duration_seconds_bucket{le=\"0.5\"}", StringComparison.Ordinal));

        Assert.AreEqual(OpenMetrics, response.ContentType);
        Assert.AreEqual("Accept, Accept-Encoding", response.Headers["Vary"]);
        StringAssert.EndsWith(body, "\n# EOF\n");
        StringAssert.Contains(body, "# TYPE dotnet_gc_collections counter\n");
        StringAssert.Contains(body, "\ndotnet_gc_collections_total{");
        StringAssert.Contains(body, "# TYPE monikit_build_info gauge\n");
        StringAssert.Matches(bucket, new System.Text.RegularExpressions.Regex(@"^orders_checkout_duration_seconds_bucket\{le=""0.5""\} 2 # \{trace_id=""[0-9a-f]{32}"",span_id=""[0-9a-f]{16}""\} 0.3 \d+\.\d{3}$"));
        StringAssert.Contains(body, "orders_checkout_duration_seconds_bucket{le=\"0.01\"} 0\n");
    }

    [TestMethod]
    public async Task HandleAsync_NoAcceptHeader_Text004WithoutExemplarsOrEof()
    {
        await using var host = await TestHost.StartAsync(new() { ["MoniKit:Metrics:Meters:0"] = "MyCompany.*" });
        var histogram = host.Services.GetRequiredService<IMeterFactory>().Create("MyCompany.Orders").CreateHistogram<double>("orders.checkout.duration", "s");
        ShopInstruments.InSampledActivity(() => histogram.Record(0.3));

        var (response, body) = await host.GetAsync("/metrics");

        Assert.AreEqual("text/plain; version=0.0.4; charset=utf-8", response.ContentType);
        Assert.DoesNotContain("# EOF", body);
        Assert.DoesNotContain("trace_id", body);
        StringAssert.Contains(body, "orders_checkout_duration_seconds_bucket{le=\"0.5\"} 1\n");
    }

    [TestMethod]
    public async Task HandleAsync_ExemplarsSwitchedOff_OpenMetricsWithoutExemplars()
    {
        await using var host = await TestHost.StartAsync(new() { ["MoniKit:Metrics:Meters:0"] = "MyCompany.*", ["MoniKit:Metrics:Exemplars"] = "false" });
        var histogram = host.Services.GetRequiredService<IMeterFactory>().Create("MyCompany.Orders").CreateHistogram<double>("orders.checkout.duration", "s");
        ShopInstruments.InSampledActivity(() => histogram.Record(0.3));

        var (response, body) = await host.GetAsync("/metrics", ("Accept", "application/openmetrics-text"));

        Assert.AreEqual(OpenMetrics, response.ContentType);
        StringAssert.Contains(body, "orders_checkout_duration_seconds_bucket{le=\"0.5\"} 1\n");
        Assert.DoesNotContain("trace_id", body);
    }

    [TestMethod]
    public async Task HandleAsync_OpenMetricsGzipAndSeriesCap_SameGuardAsText004()
    {
        await using var host = await TestHost.StartAsync(new() { ["MoniKit:Metrics:Meters:0"] = "MyCompany.*", ["MoniKit:Metrics:MaxSeriesPerMetric"] = "2" });
        var counter = host.Services.GetRequiredService<IMeterFactory>().Create("MyCompany.Orders").CreateCounter<long>("orders.lookups");
        foreach (var user in new[] { "u1", "u2", "u3", "u4" })
        {
            counter.Add(1, new KeyValuePair<string, object?>("user", user));
        }

        var (response, _) = await host.GetAsync("/metrics", ("Accept", "application/openmetrics-text"), ("Accept-Encoding", "gzip"));
        using var gzip = new GZipStream(new MemoryStream(response.Body.ToArray()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var (_, text) = await host.GetAsync("/metrics");

        Assert.AreEqual("gzip", response.Headers["Content-Encoding"]);
        Assert.AreEqual(OpenMetrics, response.ContentType);
        foreach (var exposition in new[] { body, text })
        {
            StringAssert.Contains(exposition, "orders_lookups_total{otel_metric_overflow=\"true\"} ");
            StringAssert.Contains(exposition, "monikit_metrics_series_dropped_total{metric=\"orders_lookups_total\"} 1\n");
        }

        StringAssert.Contains(body, "# TYPE monikit_metrics_series_dropped counter\n");
        StringAssert.EndsWith(body, "# EOF\n");
    }
}
