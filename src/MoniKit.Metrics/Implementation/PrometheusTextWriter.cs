using System.Buffers;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Writes the SDK's aggregated metrics in the Prometheus text format 0.0.4. Names, header lines and label names are
/// encoded once per metric and cached; values are formatted straight into the output buffer. Not thread-safe: the
/// collector serialises scrapes.
/// </summary>
internal sealed class PrometheusTextWriter : IMetricBatchSink
{
    internal const string OverflowAttribute = "otel.metric.overflow";

    private static readonly PrometheusMetricInfo DroppedInfo = PrometheusMetricInfo.Create(
        "monikit.metrics.series.dropped",
        "{series}",
        PrometheusMetricType.Counter,
        "Measurements folded into the overflow series because the metric reached MoniKit:Metrics:MaxSeriesPerMetric.");

    private static readonly byte[] DroppedLabel = "{metric=\""u8.ToArray();

    private readonly Dictionary<Metric, PrometheusMetricInfo> infos = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, byte[]> labelNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> groupIndex = new(StringComparer.Ordinal);
    private readonly List<PrometheusMetricInfo> groupInfos = [];
    private readonly List<List<Metric>> groupMetrics = [];
    private readonly List<(string Name, long Count)> dropped = [];
    private readonly ArrayBufferWriter<byte> labels = new(1024);
    private ArrayBufferWriter<byte>? output;

    /// <summary>Where <see cref="Write"/> appends; set before each collection.</summary>
    public ArrayBufferWriter<byte> Output
    {
        get => output ?? throw new InvalidOperationException("No output buffer was set.");
        set => output = value;
    }

    public void Write(in Batch<Metric> batch)
    {
        var buffer = Output;
        Group(batch);
        dropped.Clear();
        for (var g = 0; g < groupInfos.Count; g++)
        {
            var info = groupInfos[g];
            buffer.Write(info.Header);
            foreach (var metric in groupMetrics[g])
            {
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    WritePoint(buffer, info, metric.MetricType, in point);
                }
            }
        }

        if (dropped.Count > 0)
        {
            buffer.Write(DroppedInfo.Header);
            foreach (var (name, count) in dropped)
            {
                buffer.Write(DroppedInfo.NameBytes);
                buffer.Write(DroppedLabel);
                buffer.WriteEscaped(name);
                buffer.Write("\"} "u8);
                buffer.WriteLong(count);
                buffer.Write("\n"u8);
            }
        }
    }

    // All streams that map to one Prometheus name are written under one header, in first-seen order.
    private void Group(in Batch<Metric> batch)
    {
        groupIndex.Clear();
        foreach (var list in groupMetrics)
        {
            list.Clear();
        }

        var groups = 0;
        groupInfos.Clear();
        foreach (var metric in batch)
        {
            if (!infos.TryGetValue(metric, out var info))
            {
                info = PrometheusMetricInfo.Create(metric);
                infos[metric] = info;
            }

            if (info.Type == PrometheusMetricType.Unsupported || !HasPoints(metric))
            {
                continue;
            }

            if (groupIndex.TryGetValue(info.Name, out var index))
            {
                // Two instruments of different kinds under one name would make an invalid exposition; the first wins.
                if (groupInfos[index].Type == info.Type)
                {
                    groupMetrics[index].Add(metric);
                }

                continue;
            }

            groupIndex[info.Name] = groups;
            groupInfos.Add(info);
            if (groupMetrics.Count == groups)
            {
                groupMetrics.Add([]);
            }

            groupMetrics[groups++].Add(metric);
        }
    }

    private static bool HasPoints(Metric metric)
    {
        var enumerator = metric.GetMetricPoints().GetEnumerator();
        return enumerator.MoveNext();
    }

    private void WritePoint(ArrayBufferWriter<byte> buffer, PrometheusMetricInfo info, MetricType type, in MetricPoint point)
    {
        var overflow = WriteLabels(point.Tags);
        if (info.Type == PrometheusMetricType.Histogram)
        {
            WriteHistogram(buffer, info, in point);
        }
        else
        {
            WriteSampleStart(buffer, info.NameBytes);
            WriteValue(buffer, type, in point);
        }

        if (overflow)
        {
            // The SDK counts measurements only for histograms; for other kinds the overflow series' presence is reported.
            dropped.Add((info.Name, info.Type == PrometheusMetricType.Histogram ? point.GetHistogramCount() : 1));
        }
    }

    private static void WriteValue(ArrayBufferWriter<byte> buffer, MetricType type, in MetricPoint point)
    {
        switch (type)
        {
            case MetricType.LongSum or MetricType.LongSumNonMonotonic:
                buffer.WriteLong(point.GetSumLong());
                break;
            case MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic:
                buffer.WriteDouble(point.GetSumDouble());
                break;
            case MetricType.LongGauge:
                buffer.WriteLong(point.GetGaugeLastValueLong());
                break;
            default:
                buffer.WriteDouble(point.GetGaugeLastValueDouble());
                break;
        }

        buffer.Write("\n"u8);
    }

    private void WriteHistogram(ArrayBufferWriter<byte> buffer, PrometheusMetricInfo info, in MetricPoint point)
    {
        long cumulative = 0;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            buffer.Write(info.BucketBytes);
            buffer.Write("{"u8);
            if (labels.WrittenCount > 0)
            {
                buffer.Write(labels.WrittenSpan);
                buffer.Write(","u8);
            }

            buffer.Write("le=\""u8);
            buffer.WriteDouble(bucket.ExplicitBound);
            buffer.Write("\"} "u8);
            buffer.WriteLong(cumulative);
            buffer.Write("\n"u8);
        }

        WriteSampleStart(buffer, info.SumBytes);
        buffer.WriteDouble(point.GetHistogramSum());
        buffer.Write("\n"u8);
        WriteSampleStart(buffer, info.CountBytes);
        buffer.WriteLong(point.GetHistogramCount());
        buffer.Write("\n"u8);
    }

    private void WriteSampleStart(ArrayBufferWriter<byte> buffer, byte[] name)
    {
        buffer.Write(name);
        if (labels.WrittenCount > 0)
        {
            buffer.Write("{"u8);
            buffer.Write(labels.WrittenSpan);
            buffer.Write("}"u8);
        }

        buffer.Write(" "u8);
    }

    // Renders the label set once per point into a scratch buffer, reused by every bucket line.
    private bool WriteLabels(ReadOnlyTagCollection tags)
    {
        labels.ResetWrittenCount();
        var overflow = false;
        foreach (var tag in tags)
        {
            overflow |= tag.Key == OverflowAttribute;
            if (labels.WrittenCount > 0)
            {
                labels.Write(","u8);
            }

            labels.Write(LabelName(tag.Key));
            labels.Write("=\""u8);
            labels.WriteLabelValue(tag.Value);
            labels.Write("\""u8);
        }

        return overflow;
    }

    private byte[] LabelName(string key)
    {
        if (!labelNames.TryGetValue(key, out var name))
        {
            name = Encoding.UTF8.GetBytes(PrometheusNames.LabelName(key));
            labelNames[key] = name;
        }

        return name;
    }
}
