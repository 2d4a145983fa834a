using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Hands each collection to the sink the collector set for the current scrape. Deliberately not marked as a pull
/// exporter: the SDK then lets <see cref="MetricReader.Collect"/> export through it on demand.
/// </summary>
internal sealed class PullMetricExporter : BaseExporter<Metric>
{
    public IMetricBatchSink? Sink { get; set; }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        if (Sink is not { } sink)
        {
            return ExportResult.Failure;
        }

        sink.Write(in batch);
        return ExportResult.Success;
    }
}
