using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MoniKit.Metrics.Tests;

/// <summary>Measurements the writer fixtures share: one of every instrument kind, and a sampled activity to record in.</summary>
internal static class ShopInstruments
{
    public const string MeterName = "Shop.Orders";

    /// <summary>
    /// Counters (long, double, with a unit), an up-down counter, gauges (one named like <c>*_count</c>, one with unit
    /// <c>1</c>), and a histogram with more routes than a series cap of 3 keeps.
    /// </summary>
    public static Meter RecordEveryKind()
    {
        var meter = new Meter(MeterName, "2.1.0");
        var placed = meter.CreateCounter<long>("shop.orders.placed", "{order}", "Orders placed.");
        placed.Add(3, new("channel", "web"), new("region", "eu"));
        placed.Add(1, new("channel", "app"), new("region", "us"));
        meter.CreateCounter<double>("shop.revenue", "{EUR}", "Revenue \"gross\".").Add(12.5, new KeyValuePair<string, object?>("channel", "web"));
        meter.CreateCounter<long>("shop.payload.size", "By", "Bytes received.").Add(2048);
        meter.CreateUpDownCounter<int>("shop.carts.active", "{cart}", "Open carts.").Add(-2);
        meter.CreateObservableGauge("shop.stock.count", () => new Measurement<long>(42, new KeyValuePair<string, object?>("warehouse", "north")), "{item}", "Items in stock.");
        meter.CreateObservableGauge("shop.cache.hit_ratio", () => 0.875, "1", "Cache hits per lookup.");
        meter.CreateGauge<double>("shop.temperature", "Cel").Record(-3.5, new KeyValuePair<string, object?>("sensor.id", 7));
        var latency = meter.CreateHistogram("shop.checkout.duration", "s", "Checkout duration.", advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 2.5] });
        foreach (var (value, route) in new[] { (0.05, "/checkout"), (0.3, "/checkout"), (4.0, "/checkout"), (0.2, "/cart"), (0.01, "/a"), (0.01, "/b"), (0.01, "/c") })
        {
            latency.Record(value, new KeyValuePair<string, object?>("http.route", route), new KeyValuePair<string, object?>("http.response.status_code", 200));
        }

        return meter;
    }

    /// <summary>Runs <paramref name="record"/> inside a started, recorded activity and returns its ids.</summary>
    public static (string TraceId, string SpanId) InSampledActivity(Action record)
    {
        using var activity = new Activity("sampled") { ActivityTraceFlags = ActivityTraceFlags.Recorded };
        activity.Start();
        record();
        return (activity.TraceId.ToHexString(), activity.SpanId.ToHexString());
    }
}
