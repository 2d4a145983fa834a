using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using MoniKit.Metrics;
using MoniKit.Metrics.Implementation;

namespace MoniKit.Benchmarks;

/// <summary>
/// One scrape of <c>/metrics</c>: the OpenTelemetry SDK collects, and MoniKit's writer serialises, a counter with
/// <see cref="Series"/> label sets to the Prometheus text format, with the exemplar filter off or on.
/// </summary>
[MemoryDiagnoser]
public class PrometheusBenchmarks : IDisposable
{
    private ServiceProvider _services = null!;
    private MetricsCollector _collector = null!;

    [Params(1_000, 10_000)]
    public int Series { get; set; } = 1_000;

    /// <summary>Whether the trace-based exemplar filter is on (MoniKit's default): the SDK then keeps a reservoir per series.</summary>
    [Params(false, true)]
    public bool Exemplars { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = _services.GetRequiredService<IMeterFactory>();
        _collector = new MetricsCollector(meterFactory, new MoniKitMetricsOptions { MaxSeriesPerMetric = Series + 10, Exemplars = Exemplars });
        var counter = meterFactory.Create("MoniKit.Benchmarks").CreateCounter<long>("monikit.bench.requests", "{request}");
        for (var i = 0; i < Series; i++)
        {
            counter.Add(i + 1, new("http.route", "/route/" + (i / 10)), new("http.response.status_code", 200 + (i % 10)));
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark]
    public int Scrape() => _collector.ScrapePrometheusAsync(PrometheusFormat.Text004, CancellationToken.None).GetAwaiter().GetResult().Length;

    /// <summary>One scrape's text, for the smoke tests.</summary>
    public string ScrapeText() =>
        System.Text.Encoding.UTF8.GetString(_collector.ScrapePrometheusAsync(PrometheusFormat.Text004, CancellationToken.None).GetAwaiter().GetResult());

    public void Dispose()
    {
        _collector?.Dispose();
        _services?.Dispose();
        GC.SuppressFinalize(this);
    }
}
