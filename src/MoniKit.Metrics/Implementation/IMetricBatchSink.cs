using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>Receives the metrics of one collection.</summary>
internal interface IMetricBatchSink
{
    void Write(in Batch<Metric> batch);
}
