using System.Diagnostics.Metrics;

namespace MoniKit.Metrics.Tests;

[TestClass]
public sealed class PrometheusTextWriterTests
{
    [TestMethod]
    public void Write_CounterWithSpecialLabelValues_EscapesAndAddsTotal()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<long>("shop.orders.placed", "{order}", "Orders placed.\nBy channel \\ region.");
        counter.Add(2, new KeyValuePair<string, object?>("channel", "web \"beta\""), new KeyValuePair<string, object?>("region", "eu\\west\nzone"));
        counter.Add(5, new KeyValuePair<string, object?>("channel", "app"), new KeyValuePair<string, object?>("region", "us"));

        Assert.AreEqual(
            "# HELP shop_orders_placed_total Orders placed.\\nBy channel \\\\ region.\n" +
            "# TYPE shop_orders_placed_total counter\n" +
            "shop_orders_placed_total{channel=\"web \\\"beta\\\"\",region=\"eu\\\\west\\nzone\"} 2\n" +
            "shop_orders_placed_total{channel=\"app\",region=\"us\"} 5\n",
            harness.Scrape());
    }

    [TestMethod]
    public void Write_Histogram_WritesCumulativeBucketsSumAndCount()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram("queue.wait", "s", "Time in queue.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1, 5] });
        foreach (var value in new[] { 0.05, 0.5, 0.7, 3, 12 })
        {
            histogram.Record(value, new KeyValuePair<string, object?>("queue.name", "mail"));
        }

        Assert.AreEqual(
            "# HELP queue_wait_seconds Time in queue.\n" +
            "# TYPE queue_wait_seconds histogram\n" +
            "queue_wait_seconds_bucket{queue_name=\"mail\",le=\"0.1\"} 1\n" +
            "queue_wait_seconds_bucket{queue_name=\"mail\",le=\"1\"} 3\n" +
            "queue_wait_seconds_bucket{queue_name=\"mail\",le=\"5\"} 4\n" +
            "queue_wait_seconds_bucket{queue_name=\"mail\",le=\"+Inf\"} 5\n" +
            "queue_wait_seconds_sum{queue_name=\"mail\"} 16.25\n" +
            "queue_wait_seconds_count{queue_name=\"mail\"} 5\n",
            harness.Scrape());
    }

    [TestMethod]
    public void Write_SecondsHistogramWithoutAdvice_UsesSemanticConventionBuckets()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateHistogram<double>("job.duration", "s").Record(0.3);

        var text = harness.Scrape();

        var bounds = text.Split('\n').Where(l => l.StartsWith("job_duration_seconds_bucket", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("le=\"", StringComparison.Ordinal) + 4)..l.IndexOf("\"}", StringComparison.Ordinal)]);
        Assert.AreEqual("0.005,0.01,0.025,0.05,0.075,0.1,0.25,0.5,0.75,1,2.5,5,7.5,10,+Inf", string.Join(',', bounds));
        StringAssert.Contains(text, "job_duration_seconds_bucket{le=\"0.25\"} 0\njob_duration_seconds_bucket{le=\"0.5\"} 1\n");
    }

    [TestMethod]
    public void Write_SameNameFromTwoMeters_OneHeaderAndTheMeterOnEveryPointOfThatFamily()
    {
        using var harness = new WriterHarness(2000, "Jobs.A", "Jobs.B");
        using var meterA = new Meter("Jobs.A");
        using var meterB = new Meter("Jobs.B");
        meterA.CreateCounter<long>("jobs.runs", "{run}", "Job runs.").Add(1, new KeyValuePair<string, object?>("job", "a"));
        meterA.CreateUpDownCounter<long>("jobs.active", "{job}", "Jobs running.").Add(3);
        meterB.CreateCounter<long>("jobs.runs", "{run}", "Job runs.").Add(4, new KeyValuePair<string, object?>("job", "b"));

        Assert.AreEqual(
            "# HELP jobs_runs_total Job runs.\n" +
            "# TYPE jobs_runs_total counter\n" +
            "jobs_runs_total{job=\"a\",otel_scope_name=\"Jobs.A\"} 1\n" +
            "jobs_runs_total{job=\"b\",otel_scope_name=\"Jobs.B\"} 4\n" +
            "# HELP jobs_active Jobs running.\n" +
            "# TYPE jobs_active gauge\n" +
            "jobs_active 3\n",
            harness.Scrape());
    }

    [TestMethod]
    public void Write_UnitsAndAttributeNames_ConvertedLikeOpenTelemetry()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateCounter<double>("cache.size.total", "By").Add(1.5);
        meter.CreateObservableGauge("pool.usage", () => 0.25, "1", "Share of the pool in use.");
        meter.CreateGauge<int>("request.latency", "ms").Record(12, new KeyValuePair<string, object?>("2xx-class", true), new KeyValuePair<string, object?>("http.response.status_code", 200));
        meter.CreateObservableUpDownCounter("net.rate", () => 7L, "By/s");
        meter.CreateObservableGauge("pool.connection.count", () => 4, "{connection}");

        Assert.AreEqual(
            "# HELP cache_size_bytes_total cache.size.total\n" +
            "# TYPE cache_size_bytes_total counter\n" +
            "cache_size_bytes_total 1.5\n" +
            "# HELP pool_usage_ratio Share of the pool in use.\n" +
            "# TYPE pool_usage_ratio gauge\n" +
            "pool_usage_ratio 0.25\n" +
            "# HELP request_latency_milliseconds request.latency\n" +
            "# TYPE request_latency_milliseconds gauge\n" +
            "request_latency_milliseconds{key_2xx_class=\"true\",http_response_status_code=\"200\"} 12\n" +
            "# HELP net_rate_bytes_per_second net.rate\n" +
            "# TYPE net_rate_bytes_per_second gauge\n" +
            "net_rate_bytes_per_second 7\n" +
            "# HELP pool_connection_count_value pool.connection.count\n" +
            "# TYPE pool_connection_count_value gauge\n" +
            "pool_connection_count_value 4\n",
            harness.Scrape());
    }

    [TestMethod]
    public void Write_SeriesBeyondCap_FoldedIntoOverflowAndCountedAsDropped()
    {
        var name = MeterName();
        using var harness = new WriterHarness(2, name);
        using var meter = new Meter(name);
        var histogram = meter.CreateHistogram("lookup.duration", "s", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1] });
        foreach (var user in new[] { "u1", "u2", "u3", "u4", "u5" })
        {
            histogram.Record(0.5, new KeyValuePair<string, object?>("user", user));
        }

        var text = harness.Scrape();

        Assert.AreEqual(3, text.Split('\n').Count(l => l.StartsWith("lookup_duration_seconds_count", StringComparison.Ordinal)), text);
        StringAssert.Contains(text, "lookup_duration_seconds_count{otel_metric_overflow=\"true\"} 3\n");
        StringAssert.EndsWith(text,
            "# HELP monikit_metrics_series_dropped_total Measurements folded into the overflow series because the metric reached MoniKit:Metrics:MaxSeriesPerMetric.\n" +
            "# TYPE monikit_metrics_series_dropped_total counter\n" +
            "monikit_metrics_series_dropped_total{metric=\"lookup_duration_seconds\"} 3\n");
    }

    [TestMethod]
    public void Write_InstrumentWithoutMeasurements_WritesNothing()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateCounter<long>("never.used");

        Assert.AreEqual(string.Empty, harness.Scrape());
    }

    // Today's exposition of every instrument kind, pinned: the Prometheus text format 0.0.4 must not change.
    [TestMethod]
    public void Write_EveryInstrumentKind_Text004Unchanged()
    {
        using var harness = new WriterHarness(3, ShopInstruments.MeterName);
        using var meter = ShopInstruments.RecordEveryKind();

        Assert.AreEqual(
            "# HELP shop_orders_placed_total Orders placed.\n" +
            "# TYPE shop_orders_placed_total counter\n" +
            "shop_orders_placed_total{channel=\"web\",region=\"eu\"} 3\n" +
            "shop_orders_placed_total{channel=\"app\",region=\"us\"} 1\n" +
            "# HELP shop_revenue_total Revenue \"gross\".\n" +
            "# TYPE shop_revenue_total counter\n" +
            "shop_revenue_total{channel=\"web\"} 12.5\n" +
            "# HELP shop_payload_size_bytes_total Bytes received.\n" +
            "# TYPE shop_payload_size_bytes_total counter\n" +
            "shop_payload_size_bytes_total 2048\n" +
            "# HELP shop_carts_active Open carts.\n" +
            "# TYPE shop_carts_active gauge\n" +
            "shop_carts_active -2\n" +
            "# HELP shop_stock_count_value Items in stock.\n" +
            "# TYPE shop_stock_count_value gauge\n" +
            "shop_stock_count_value{warehouse=\"north\"} 42\n" +
            "# HELP shop_cache_hit_ratio Cache hits per lookup.\n" +
            "# TYPE shop_cache_hit_ratio gauge\n" +
            "shop_cache_hit_ratio 0.875\n" +
            "# HELP shop_temperature_celsius shop.temperature\n" +
            "# TYPE shop_temperature_celsius gauge\n" +
            "shop_temperature_celsius{sensor_id=\"7\"} -3.5\n" +
            "# HELP shop_checkout_duration_seconds Checkout duration.\n" +
            "# TYPE shop_checkout_duration_seconds histogram\n" +
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
            "# HELP monikit_metrics_series_dropped_total Measurements folded into the overflow series because the metric reached MoniKit:Metrics:MaxSeriesPerMetric.\n" +
            "# TYPE monikit_metrics_series_dropped_total counter\n" +
            "monikit_metrics_series_dropped_total{metric=\"shop_checkout_duration_seconds\"} 2\n",
            harness.Scrape());
    }

    [TestMethod]
    public void Write_AttributeKeysThatSanitiseAlike_OneLabelWithValuesJoinedInKeyOrder()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateCounter<long>("orders.placed").Add(
            1,
            new("http_route", "b"),
            new("tenant", "t1"),
            new("http.route", "a"),
            new("http-route", "c"));

        Assert.AreEqual(
            "# HELP orders_placed_total orders.placed\n" +
            "# TYPE orders_placed_total counter\n" +
            "orders_placed_total{http_route=\"c;a;b\",tenant=\"t1\"} 1\n",
            harness.Scrape());
    }

    [TestMethod]
    public void Write_ArrayAndSpecialValuedAttributes_JsonAsTheSpecificationSays()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateCounter<long>("orders.placed").Add(
            1,
            new("tags", new[] { "new", "say \"hi\"" }),
            new("sizes", new[] { 1, 2 }),
            new("ratio", double.PositiveInfinity),
            new("flags", new[] { true, false }),
            new("weights", new[] { 0.5, double.NaN }));

        Assert.AreEqual(
            "# HELP orders_placed_total orders.placed\n" +
            "# TYPE orders_placed_total counter\n" +
            "orders_placed_total{flags=\"[true,false]\",ratio=\"Infinity\",sizes=\"[1,2]\",tags=\"[\\\"new\\\",\\\"say \\\\\\\"hi\\\\\\\"\\\"]\",weights=\"[0.5,\\\"NaN\\\"]\"} 1\n",
            harness.Scrape());
    }

    [TestMethod]
    public void Write_SameInstrumentAndLabelsFromTwoMeters_TwoSeriesTellingTheScopesApart()
    {
        using var harness = new WriterHarness(2000, "Shop.Cache", "Shop.Search");
        using var cache = new Meter("Shop.Cache", "1.2.0");
        using var search = new Meter("Shop.Search");
        cache.CreateCounter<long>("cache.hits", "{hit}", "Cache hits.").Add(4, new KeyValuePair<string, object?>("tier", "l1"));
        search.CreateCounter<long>("cache.hits", "{hit}", "Cache hits.").Add(9, new KeyValuePair<string, object?>("tier", "l1"));

        Assert.AreEqual(
            "# HELP cache_hits_total Cache hits.\n" +
            "# TYPE cache_hits_total counter\n" +
            "cache_hits_total{tier=\"l1\",otel_scope_name=\"Shop.Cache\",otel_scope_version=\"1.2.0\"} 4\n" +
            "cache_hits_total{tier=\"l1\",otel_scope_name=\"Shop.Search\"} 9\n",
            harness.Scrape());
    }

    [TestMethod]
    public void Write_HistogramWithAnLeAttribute_NoSecondLeLabel()
    {
        var name = MeterName();
        using var harness = new WriterHarness(meterNames: name);
        using var meter = new Meter(name);
        meter.CreateHistogram("loan.amount", "{EUR}", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [100] })
            .Record(50, new KeyValuePair<string, object?>("le", "gold"));

        Assert.AreEqual(
            "# HELP loan_amount loan.amount\n" +
            "# TYPE loan_amount histogram\n" +
            "loan_amount_bucket{key_le=\"gold\",le=\"100\"} 1\n" +
            "loan_amount_bucket{key_le=\"gold\",le=\"+Inf\"} 1\n" +
            "loan_amount_sum{key_le=\"gold\"} 50\n" +
            "loan_amount_count{key_le=\"gold\"} 1\n",
            harness.Scrape());
    }

    private static string MeterName() => "Test.Writer." + Guid.NewGuid().ToString("N");
}
