using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using MoniKit.Metrics.Implementation;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Tests;

[TestClass]
public sealed partial class OpenMetricsTextWriterTests
{
    [TestMethod]
    public void Write_EveryInstrumentKind_OpenMetricsFamilies()
    {
        using var harness = new WriterHarness(3, ShopInstruments.MeterName);
        using var meter = ShopInstruments.RecordEveryKind();

        Assert.AreEqual(
            "# TYPE shop_orders_placed counter\n" +
            "# HELP shop_orders_placed Orders placed.\n" +
            "shop_orders_placed_total{channel=\"web\",region=\"eu\"} 3\n" +
            "shop_orders_placed_total{channel=\"app\",region=\"us\"} 1\n" +
            "# TYPE shop_revenue counter\n" +
            "# HELP shop_revenue Revenue \\\"gross\\\".\n" +
            "shop_revenue_total{channel=\"web\"} 12.5\n" +
            "# TYPE shop_payload_size_bytes counter\n" +
            "# UNIT shop_payload_size_bytes bytes\n" +
            "# HELP shop_payload_size_bytes Bytes received.\n" +
            "shop_payload_size_bytes_total 2048\n" +
            "# TYPE shop_carts_active gauge\n" +
            "# HELP shop_carts_active Open carts.\n" +
            "shop_carts_active -2\n" +
            "# TYPE shop_stock_count_value gauge\n" +
            "# HELP shop_stock_count_value Items in stock.\n" +
            "shop_stock_count_value{warehouse=\"north\"} 42\n" +
            "# TYPE shop_cache_hit_ratio gauge\n" +
            "# UNIT shop_cache_hit_ratio ratio\n" +
            "# HELP shop_cache_hit_ratio Cache hits per lookup.\n" +
            "shop_cache_hit_ratio 0.875\n" +
            "# TYPE shop_temperature_celsius gauge\n" +
            "# UNIT shop_temperature_celsius celsius\n" +
            "# HELP shop_temperature_celsius shop.temperature\n" +
            "shop_temperature_celsius{sensor_id=\"7\"} -3.5\n" +
            "# TYPE shop_checkout_duration_seconds histogram\n" +
            "# UNIT shop_checkout_duration_seconds seconds\n" +
            "# HELP shop_checkout_duration_seconds Checkout duration.\n" +
            "shop_checkout_duration_seconds_bucket{otel_metric_overflow=\"true\",le=\"0.1\"} 2\n" +
            "shop_checkout_duration_seconds_bucket{otel_metric_overflow=\"true\",le=\"0.5\"} 2\n" +
            "shop_checkout_duration_seconds_bucket{otel_metric_overflow=\"true\",le=\"2.5\"} 2\n" +
            "shop_checkout_duration_seconds_bucket{otel_metric_overflow=\"true\",le=\"+Inf\"} 2\n" +
            "shop_checkout_duration_seconds_sum{otel_metric_overflow=\"true\"} 0.02\n" +
            "shop_checkout_duration_seconds_count{otel_metric_overflow=\"true\"} 2\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/checkout\",le=\"0.1\"} 1\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/checkout\",le=\"0.5\"} 2\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/checkout\",le=\"2.5\"} 2\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/checkout\",le=\"+Inf\"} 3\n" +
            "shop_checkout_duration_seconds_sum{http_response_status_code=\"200\",http_route=\"/checkout\"} 4.35\n" +
            "shop_checkout_duration_seconds_count{http_response_status_code=\"200\",http_route=\"/checkout\"} 3\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/cart\",le=\"0.1\"} 0\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/cart\",le=\"0.5\"} 1\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/cart\",le=\"2.5\"} 1\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/cart\",le=\"+Inf\"} 1\n" +
            "shop_checkout_duration_seconds_sum{http_response_status_code=\"200\",http_route=\"/cart\"} 0.2\n" +
            "shop_checkout_duration_seconds_count{http_response_status_code=\"200\",http_route=\"/cart\"} 1\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/a\",le=\"0.1\"} 1\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/a\",le=\"0.5\"} 1\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/a\",le=\"2.5\"} 1\n" +
            "shop_checkout_duration_seconds_bucket{http_response_status_code=\"200\",http_route=\"/a\",le=\"+Inf\"} 1\n" +
            "shop_checkout_duration_seconds_sum{http_response_status_code=\"200\",http_route=\"/a\"} 0.01\n" +
            "shop_checkout_duration_seconds_count{http_response_status_code=\"200\",http_route=\"/a\"} 1\n" +
            "# TYPE monikit_metrics_series_dropped counter\n" +
            "# HELP monikit_metrics_series_dropped Measurements folded into the overflow series because the metric reached MoniKit:Metrics:MaxSeriesPerMetric.\n" +
            "monikit_metrics_series_dropped_total{metric=\"shop_checkout_duration_seconds\"} 2\n",
            harness.Scrape(PrometheusFormat.OpenMetrics));
    }

    [TestMethod]
    public void Write_HistogramBounds_CanonicalNumbersOnlyInOpenMetrics()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateHistogram("job.duration", "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 1, 10, 3600, 1e6] }).Record(2);

        Assert.AreEqual("0.005,1.0,10.0,3600.0,1e+06,+Inf", string.Join(',', Bounds(harness.Scrape(PrometheusFormat.OpenMetrics))));
        Assert.AreEqual("0.005,1,10,3600,1000000,+Inf", string.Join(',', Bounds(harness.Scrape())));
    }

    [TestMethod]
    public void Write_HistogramRecordedInSampledTrace_ExemplarOnItsBucketAndTheHigherOnes()
    {
        var name = MeterName();
        using var harness = new WriterHarness(ExemplarFilterType.TraceBased, 2000, name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram("checkout.duration", "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1, 5] });
        histogram.Record(0.05);
        var (traceId, spanId) = ShopInstruments.InSampledActivity(() => histogram.Record(0.4));

        var text = Timestamps().Replace(harness.Scrape(PrometheusFormat.OpenMetrics), " <time>");

        Assert.AreEqual(
            "# TYPE checkout_duration_seconds histogram\n" +
            "# UNIT checkout_duration_seconds seconds\n" +
            "# HELP checkout_duration_seconds checkout.duration\n" +
            "checkout_duration_seconds_bucket{le=\"0.1\"} 1\n" +
            $"checkout_duration_seconds_bucket{{le=\"1.0\"}} 2 # {{trace_id=\"{traceId}\",span_id=\"{spanId}\"}} 0.4 <time>\n" +
            $"checkout_duration_seconds_bucket{{le=\"5.0\"}} 2 # {{trace_id=\"{traceId}\",span_id=\"{spanId}\"}} 0.4 <time>\n" +
            $"checkout_duration_seconds_bucket{{le=\"+Inf\"}} 2 # {{trace_id=\"{traceId}\",span_id=\"{spanId}\"}} 0.4 <time>\n" +
            "checkout_duration_seconds_sum 0.45\n" +
            "checkout_duration_seconds_count 2\n",
            text);
    }

    [TestMethod]
    public void Write_TwoSampledMeasurementsInOneBucket_TheLastOneAndTheHigherBucketKeepsItsOwn()
    {
        var name = MeterName();
        using var harness = new WriterHarness(ExemplarFilterType.TraceBased, 2000, name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram("checkout.duration", "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5] });
        ShopInstruments.InSampledActivity(() => histogram.Record(0.2));
        var (second, _) = ShopInstruments.InSampledActivity(() => histogram.Record(0.3));
        var (slow, _) = ShopInstruments.InSampledActivity(() => histogram.Record(3));

        var buckets = harness.Scrape(PrometheusFormat.OpenMetrics).Split('\n').Where(l => l.Contains("_bucket", StringComparison.Ordinal)).ToArray();

        StringAssert.Contains(buckets[0], $"# {{trace_id=\"{second}\"");
        StringAssert.Contains(buckets[1], $"# {{trace_id=\"{slow}\"");
        StringAssert.Contains(buckets[2], $"# {{trace_id=\"{slow}\"");
    }

    [TestMethod]
    public void Write_IntegerHistogramInSampledTrace_ExemplarValueAsRecorded()
    {
        var name = MeterName();
        using var harness = new WriterHarness(ExemplarFilterType.TraceBased, 2000, name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram("payload.size", "By", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [100, 1000] });
        ShopInstruments.InSampledActivity(() => histogram.Record(250));

        StringAssert.Contains(harness.Scrape(PrometheusFormat.OpenMetrics), "payload_size_bytes_bucket{le=\"1000.0\"} 1 # {trace_id=\"");
        StringAssert.Contains(Timestamps().Replace(harness.Scrape(PrometheusFormat.OpenMetrics), " <time>"), "\"} 250 <time>\n");
    }

    [TestMethod]
    public void Write_MeasurementsOutsideASampledTrace_NoExemplar()
    {
        var name = MeterName();
        using var harness = new WriterHarness(ExemplarFilterType.TraceBased, 2000, name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram<double>("checkout.duration", "s");
        var counter = meter.CreateCounter<long>("checkout.count");
        using (var unsampled = new Activity("unsampled").Start())
        {
            histogram.Record(0.2);
            counter.Add(1);
        }

        histogram.Record(0.3);

        Assert.DoesNotContain(" # {", harness.Scrape(PrometheusFormat.OpenMetrics));
    }

    [TestMethod]
    public void Write_ExemplarsInText004_NeverWritten()
    {
        var name = MeterName();
        using var harness = new WriterHarness(ExemplarFilterType.TraceBased, 2000, name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram<double>("checkout.duration", "s");
        ShopInstruments.InSampledActivity(() => histogram.Record(0.2));

        var text = harness.Scrape();

        Assert.DoesNotContain("#", text.Replace("# HELP", string.Empty, StringComparison.Ordinal).Replace("# TYPE", string.Empty, StringComparison.Ordinal));
        Assert.Contains(" # {trace_id=", harness.Scrape(PrometheusFormat.OpenMetrics));
    }

    [TestMethod]
    public void Write_CounterAddedInSampledTrace_ExemplarOnTheTotalSample()
    {
        var name = MeterName();
        using var harness = new WriterHarness(ExemplarFilterType.TraceBased, 2000, name);
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<long>("orders.failed", "{order}");
        var gauge = meter.CreateUpDownCounter<long>("orders.open", "{order}");
        var (traceId, spanId) = ShopInstruments.InSampledActivity(() =>
        {
            counter.Add(2);
            gauge.Add(5);
        });

        var text = Timestamps().Replace(harness.Scrape(PrometheusFormat.OpenMetrics), " <time>");

        StringAssert.Contains(text, $"orders_failed_total 2 # {{trace_id=\"{traceId}\",span_id=\"{spanId}\"}} 2 <time>\n");
        StringAssert.Contains(text, "orders_open 5\n");
    }

    [TestMethod]
    public void Write_HistogramWithNegativeBounds_NoSumOrCountInOpenMetrics()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateHistogram("room.temperature", "Cel", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [-10, 0, 10] }).Record(-4);

        var openMetrics = harness.Scrape(PrometheusFormat.OpenMetrics);

        Assert.DoesNotContain("_sum", openMetrics);
        Assert.DoesNotContain("_count", openMetrics);
        StringAssert.Contains(openMetrics, "room_temperature_celsius_bucket{le=\"+Inf\"} 1\n");
        StringAssert.Contains(harness.Scrape(), "room_temperature_celsius_sum -4\n");
    }

    [TestMethod]
    public void Write_HelpWithQuotesAndLineBreaks_EscapedForEachFormat()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateCounter<long>("orders.placed", "{order}", "Orders \"placed\"\nby \\ channel.").Add(1);

        StringAssert.StartsWith(harness.Scrape(PrometheusFormat.OpenMetrics), "# TYPE orders_placed counter\n# HELP orders_placed Orders \\\"placed\\\"\\nby \\\\ channel.\n");
        StringAssert.StartsWith(harness.Scrape(), "# HELP orders_placed_total Orders \"placed\"\\nby \\\\ channel.\n");
    }

    private static IEnumerable<string> Bounds(string text) =>
        text.Split('\n').Where(l => l.Contains("_bucket{", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("le=\"", StringComparison.Ordinal) + 4)..l.IndexOf("\"}", StringComparison.Ordinal)]);

    private static string MeterName() => "Test.OpenMetrics." + Guid.NewGuid().ToString("N");

    [GeneratedRegex(@" \d{10}\.\d{3}(?=\n)")]
    private static partial Regex Timestamps();
}
