using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MoniKit.Metrics;
using MoniKit.Metrics.Implementation;

namespace MoniKit.Benchmarks;

/// <summary>
/// What exemplars cost. <c>Record</c>: one <c>http.server.request.duration</c>-like measurement (five attributes)
/// with the trace-based exemplar filter off or on, outside or inside a sampled activity. <c>Scrape*</c>: one scrape
/// of <see cref="Series"/> such histogram series in each format, with exemplars in every bucket when they are on.
/// </summary>
[MemoryDiagnoser]
public class ExemplarBenchmarks : IDisposable
{
    private const int Measurements = 1_000;
    private const int Series = 500;

    private ServiceProvider _services = null!;
    private MetricsCollector _collector = null!;
    private Histogram<double> _histogram = null!;
    private Activity _sampled = null!;

    /// <summary>Whether the provider's exemplar filter is trace-based (MoniKit's default) or always off.</summary>
    [Params(false, true)]
    public bool Exemplars { get; set; } = true;

    /// <summary>Whether the measurements are made inside a sampled activity, as for a request with a sampled traceparent.</summary>
    [Params(false, true)]
    public bool Sampled { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _collector = new MetricsCollector(meterFactory, new MoniKitMetricsOptions { Exemplars = Exemplars });
        _histogram = meterFactory.Create("MoniKit.Benchmarks").CreateHistogram<double>("monikit.bench.request.duration", "s");
        _sampled = new Activity("GET /orders/{id}") { ActivityTraceFlags = ActivityTraceFlags.Recorded };
        _sampled.Start();
        Activity.Current = Sampled ? _sampled : null;
        for (var i = 0; i < Series; i++)
        {
            for (var value = 0.003; value < 12; value *= 3)
            {
                _histogram.Record(value, Tags(i));
            }
        }

        Activity.Current = null;
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark(OperationsPerInvoke = Measurements)]
    public int Record()
    {
        var previous = Activity.Current;
        Activity.Current = Sampled ? _sampled : null;
        var tags = Tags(7);
        for (var i = 0; i < Measurements; i++)
        {
            _histogram.Record(0.042, tags);
        }

        Activity.Current = previous;
        return Measurements;
    }

    [Benchmark]
    public int ScrapeText004() => _collector.ScrapePrometheusAsync(PrometheusFormat.Text004, CancellationToken.None).GetAwaiter().GetResult().Length;

    [Benchmark]
    public int ScrapeOpenMetrics() => _collector.ScrapePrometheusAsync(PrometheusFormat.OpenMetrics, CancellationToken.None).GetAwaiter().GetResult().Length;

    /// <summary>One OpenMetrics scrape's text, for the smoke tests.</summary>
    public string OpenMetricsText() =>
        System.Text.Encoding.UTF8.GetString(_collector.ScrapePrometheusAsync(PrometheusFormat.OpenMetrics, CancellationToken.None).GetAwaiter().GetResult());

    public void Dispose()
    {
        _collector?.Dispose();
        _sampled?.Dispose();
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static TagList Tags(int route) => new()
    {
        { "http.request.method", "GET" },
        { "http.route", "/route/" + route },
        { "http.response.status_code", 200 },
        { "network.protocol.version", "1.1" },
        { "url.scheme", "http" },
    };
}
