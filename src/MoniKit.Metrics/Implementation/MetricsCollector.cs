using System.Buffers;
using System.Diagnostics.Metrics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// The host's MeterProvider with a reader that has no timer: each scrape collects once, serialised, so cumulative
/// values are read at scrape time and two scrapes never interleave.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    internal static readonly string[] DefaultMeters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics", "System.Runtime", "System.Net.Http", "MoniKit.*",
    ];

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly PullMetricExporter exporter = new();
    private readonly BaseExportingMetricReader reader;
    private readonly MeterProvider provider;
    private readonly PrometheusTextWriter prometheus = new();
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);

    public MetricsCollector(IMeterFactory meterFactory, MoniKitMetricsOptions options)
    {
        reader = new BaseExportingMetricReader(exporter);
        var selector = new MetricStreamSelector(meterFactory, options.MaxSeriesPerMetric);
        provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(DefaultMeters)
            .AddMeter([.. options.Meters])
            .AddView(selector.Select)
            .SetExemplarFilter(options.Exemplars ? ExemplarFilterType.TraceBased : ExemplarFilterType.AlwaysOff)
            .AddReader(reader)
            .Build();
    }

    /// <summary>Collects and returns the exposition in <paramref name="format"/>.</summary>
    public async Task<byte[]> ScrapePrometheusAsync(PrometheusFormat format, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            buffer.ResetWrittenCount();
            prometheus.Output = buffer;
            prometheus.Format = format;
            Collect(prometheus);
            if (format == PrometheusFormat.OpenMetrics)
            {
                buffer.Write("# EOF\n"u8);
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Collects and hands the metrics to <paramref name="sink"/>, serialised with scrapes.</summary>
    public async Task CollectAsync(IMetricBatchSink sink, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Collect(sink);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        // The provider shuts down and disposes its reader and exporter.
        provider.Dispose();
        gate.Dispose();
    }

    private void Collect(IMetricBatchSink sink)
    {
        exporter.Sink = sink;
        try
        {
            reader.Collect();
        }
        finally
        {
            exporter.Sink = null;
        }
    }
}
