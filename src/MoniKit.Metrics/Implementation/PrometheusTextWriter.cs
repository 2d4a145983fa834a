using System.Buffers;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Writes the SDK's aggregated metrics in the Prometheus text format 0.0.4 or in OpenMetrics 1.0 text, which alone
/// carries exemplars. Names and header lines are encoded once per metric; values are formatted straight into the
/// output buffer. Not thread-safe: the collector serialises scrapes.
/// </summary>
internal sealed class PrometheusTextWriter : IMetricBatchSink
{
    private readonly MetricFamilies families = new();
    private readonly PrometheusLabelWriter labelWriter = new();
    private readonly ExemplarSelector exemplars = new();
    private readonly Dictionary<double, byte[]> canonicalBounds = [];
    private readonly DroppedSeries dropped = new();
    private ArrayBufferWriter<byte>? output;

    /// <summary>Where <see cref="Write"/> appends; set before each collection.</summary>
    public ArrayBufferWriter<byte> Output
    {
        get => output ?? throw new InvalidOperationException("No output buffer was set.");
        set => output = value;
    }

    /// <summary>The format of the next collection. Default value: the Prometheus text format 0.0.4.</summary>
    public PrometheusFormat Format { get; set; }

    private bool OpenMetrics => Format == PrometheusFormat.OpenMetrics;

    public void Write(in Batch<Metric> batch)
    {
        var buffer = Output;
        families.Build(batch);
        dropped.Clear();
        for (var family = 0; family < families.Count; family++)
        {
            var info = families.Info(family);
            buffer.Write(OpenMetrics ? info.OpenMetricsHeader : info.Header);
            foreach (var metric in families.Metrics(family))
            {
                var scope = families.Scoped(family) ? metric : null;
                foreach (ref readonly var point in metric.GetMetricPoints())
                {
                    WritePoint(buffer, info, metric.MetricType, scope, in point);
                }
            }
        }

        dropped.Write(buffer, Format);
    }

    private void WritePoint(ArrayBufferWriter<byte> buffer, PrometheusMetricInfo info, MetricType type, Metric? scope, in MetricPoint point)
    {
        var histogram = info.Type == PrometheusMetricType.Histogram;
        var overflow = labelWriter.Render(point.Tags, histogram, scope);
        if (OpenMetrics)
        {
            exemplars.Load(in point, type is MetricType.LongSum or MetricType.LongSumNonMonotonic);
        }

        if (histogram)
        {
            WriteHistogram(buffer, info, in point);
        }
        else
        {
            WriteSampleStart(buffer, info.NameBytes);
            WriteValue(buffer, type, in point);
            if (OpenMetrics && info.Type == PrometheusMetricType.Counter)
            {
                exemplars.WriteLatest(buffer);
            }

            buffer.Write("\n"u8);
        }

        if (overflow)
        {
            // The SDK counts measurements only for histograms; for other kinds the overflow series' presence is reported.
            dropped.Add(info.Name, histogram ? point.GetHistogramCount() : 1);
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
    }

    private void WriteHistogram(ArrayBufferWriter<byte> buffer, PrometheusMetricInfo info, in MetricPoint point)
    {
        var labels = labelWriter.Labels;
        long cumulative = 0;
        var lower = double.NegativeInfinity;
        var negativeBound = false;
        foreach (var bucket in point.GetHistogramBuckets())
        {
            cumulative += bucket.BucketCount;
            negativeBound |= bucket.ExplicitBound < 0;
            buffer.Write(info.BucketBytes);
            buffer.Write("{"u8);
            if (labels.WrittenCount > 0)
            {
                buffer.Write(labels.WrittenSpan);
                buffer.Write(","u8);
            }

            buffer.Write("le=\""u8);
            WriteBound(buffer, bucket.ExplicitBound);
            buffer.Write("\"} "u8);
            buffer.WriteLong(cumulative);
            if (OpenMetrics)
            {
                exemplars.WriteBucket(buffer, lower, bucket.ExplicitBound);
            }

            buffer.Write("\n"u8);
            lower = bucket.ExplicitBound;
        }

        var sum = point.GetHistogramSum();

        // OpenMetrics: a histogram with negative bounds has no sum, being no counter, and then no count either.
        if (OpenMetrics && (negativeBound || !(sum >= 0)))
        {
            return;
        }

        WriteSampleStart(buffer, info.SumBytes);
        buffer.WriteDouble(sum);
        buffer.Write("\n"u8);
        WriteSampleStart(buffer, info.CountBytes);
        buffer.WriteLong(point.GetHistogramCount());
        buffer.Write("\n"u8);
    }

    // OpenMetrics wants le in canonical form (1.0, not 1); the 0.0.4 text keeps its shortest form.
    private void WriteBound(ArrayBufferWriter<byte> buffer, double bound)
    {
        if (!OpenMetrics)
        {
            buffer.WriteDouble(bound);
            return;
        }

        if (!canonicalBounds.TryGetValue(bound, out var bytes))
        {
            var scratch = new ArrayBufferWriter<byte>(32);
            CanonicalNumber.Write(scratch, bound);
            bytes = scratch.WrittenSpan.ToArray();
            canonicalBounds[bound] = bytes;
        }

        buffer.Write(bytes);
    }

    private void WriteSampleStart(ArrayBufferWriter<byte> buffer, byte[] name)
    {
        buffer.Write(name);
        var labels = labelWriter.Labels;
        if (labels.WrittenCount > 0)
        {
            buffer.Write("{"u8);
            buffer.Write(labels.WrittenSpan);
            buffer.Write("}"u8);
        }

        buffer.Write(" "u8);
    }
}
