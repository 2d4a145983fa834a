using System.Buffers;
using System.Diagnostics.Metrics;
using System.Text;
using MoniKit.Metrics.Implementation;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Tests;

/// <summary>A MeterProvider over test meters, read through the real pull exporter and Prometheus writer in either format.</summary>
internal sealed class WriterHarness : IDisposable
{
    private readonly PullMetricExporter exporter = new();
    private readonly BaseExportingMetricReader reader;
    private readonly MeterProvider provider;
    private readonly PrometheusTextWriter writer = new();

    public WriterHarness(int maxSeriesPerMetric = 2000, params string[] meterNames)
        : this(ExemplarFilterType.AlwaysOff, maxSeriesPerMetric, meterNames)
    {
    }

    public WriterHarness(ExemplarFilterType exemplarFilter, int maxSeriesPerMetric, params string[] meterNames)
    {
        reader = new BaseExportingMetricReader(exporter);
        var selector = new MetricStreamSelector(new NullMeterFactory(), maxSeriesPerMetric);
        provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(meterNames)
            .AddView(selector.Select)
            .SetExemplarFilter(exemplarFilter)
            .AddReader(reader)
            .Build();
    }

    public string Scrape(PrometheusFormat format = PrometheusFormat.Text004)
    {
        var buffer = new ArrayBufferWriter<byte>();
        writer.Output = buffer;
        writer.Format = format;
        exporter.Sink = writer;
        Assert.IsTrue(reader.Collect());
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public void Dispose() => provider.Dispose();

    private sealed class NullMeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
