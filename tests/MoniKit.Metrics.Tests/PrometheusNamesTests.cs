using MoniKit.Metrics.Implementation;

namespace MoniKit.Metrics.Tests;

[TestClass]
public sealed class PrometheusNamesTests
{
    [TestMethod]
    [DataRow("http.server.request.duration", "s", "Histogram", "http_server_request_duration_seconds")]
    [DataRow("dotnet.gc.collections", "{collection}", "Counter", "dotnet_gc_collections_total")]
    [DataRow("cache.size.total", "By", "Counter", "cache_size_bytes_total")]
    [DataRow("queue.wait_seconds", "s", "Histogram", "queue_wait_seconds")]
    [DataRow("net.rate", "By/s", "Gauge", "net_rate_bytes_per_second")]
    [DataRow("jobs.rate", "{job}/min", "Gauge", "jobs_rate_per_min")]
    [DataRow("pool.usage", "1", "Gauge", "pool_usage_ratio")]
    [DataRow("pool.usage", "1", "Counter", "pool_usage_total")]
    [DataRow("shop..orders--placed", null, "Counter", "shop_orders_placed_total")]
    [DataRow("temperature", "Cel", "Gauge", "temperature_celsius")]
    public void MetricName_OpenTelemetryInstrument_ConvertedAsTheSpecificationSays(string name, string? unit, string type, string expected) =>
        Assert.AreEqual(expected, PrometheusNames.MetricName(name, unit, Enum.Parse<PrometheusMetricType>(type)));

    [TestMethod]
    [DataRow("dotnet.assembly.count", "dotnet_assembly_count_value")]
    [DataRow("queue.wait.sum", "queue_wait_sum_value")]
    [DataRow("cache.bucket", "cache_bucket_value")]
    [DataRow("events.total", "events_total_value")]
    [DataRow("orders.counted", "orders_counted")]
    public void MetricName_GaugeWithReservedSuffix_GetsValueSuffixSoPromtoolAccepts(string name, string expected) =>
        Assert.AreEqual(expected, PrometheusNames.MetricName(name, unit: null, PrometheusMetricType.Gauge));

    [TestMethod]
    [DataRow("kBy", "kilobytes")]
    [DataRow("KBy", "kilobytes")]
    [DataRow("MBy", "megabytes")]
    [DataRow("KiBy", "kibibytes")]
    [DataRow("MiBy", "mebibytes")]
    [DataRow("TiBy", "tebibytes")]
    [DataRow("By", "bytes")]
    [DataRow("ms", "milliseconds")]
    [DataRow("us", "microseconds")]
    [DataRow("{request}", "")]
    [DataRow("{packet}/s", "per_second")]
    [DataRow("By/{request}", "bytes")]
    [DataRow("m/s", "meters_per_second")]
    [DataRow("widgets", "widgets")]
    [DataRow("foo-bar", "foo_bar")]
    public void UnitSuffix_UcumUnit_FullWords(string unit, string expected) =>
        Assert.AreEqual(expected, PrometheusNames.UnitSuffix(unit, PrometheusMetricType.Gauge));

    [TestMethod]
    [DataRow("http.route", "http_route")]
    [DataRow("http.response.status_code", "http_response_status_code")]
    [DataRow("a..b", "a_b")]
    [DataRow("user--id", "user_id")]
    [DataRow("a_.b", "a_b")]
    [DataRow("tenant.", "tenant_")]
    [DataRow("2xx-class", "key_2xx_class")]
    [DataRow("__private", "key_private")]
    [DataRow("_hidden", "key_hidden")]
    [DataRow(".x", "key_x")]
    [DataRow("...", "key_")]
    [DataRow("caché.hit", "cach_hit")]
    public void LabelName_Attribute_InvalidCharactersBecomeOneUnderscoreAndNoReservedPrefix(string key, string expected) =>
        Assert.AreEqual(expected, PrometheusNames.LabelName(key));

    [TestMethod]
    public void LabelName_KeysThatDifferOnlyInInvalidCharacters_SameLabelName()
    {
        var names = new[] { "http.route", "http_route", "http-route", "http..route" }.Select(PrometheusNames.LabelName).Distinct().ToArray();

        CollectionAssert.AreEqual(new[] { "http_route" }, names);
    }

    [TestMethod]
    [DataRow("shop_orders_placed_total", "Counter", "shop_orders_placed")]
    [DataRow("shop_payload_bytes_total", "Counter", "shop_payload_bytes")]
    [DataRow("queue_wait_seconds", "Histogram", "queue_wait_seconds")]
    [DataRow("jobs_active", "Gauge", "jobs_active")]
    public void FamilyName_OpenMetrics_CounterWithoutTotal(string name, string type, string expected) =>
        Assert.AreEqual(expected, PrometheusNames.FamilyName(name, Enum.Parse<PrometheusMetricType>(type)));
}
