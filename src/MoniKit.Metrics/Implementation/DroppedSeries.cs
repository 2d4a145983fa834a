using System.Buffers;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// <c>monikit_metrics_series_dropped_total</c>: per metric, the measurements of one collection that the series cap
/// folded into the overflow series. Overflow series of one family from two meters are reported as one.
/// </summary>
internal sealed class DroppedSeries
{
    private static readonly PrometheusMetricInfo Info = PrometheusMetricInfo.Create(
        "monikit.metrics.series.dropped",
        "{series}",
        PrometheusMetricType.Counter,
        "Measurements folded into the overflow series because the metric reached MoniKit:Metrics:MaxSeriesPerMetric.");

    private static readonly byte[] Label = "{metric=\""u8.ToArray();

    private readonly List<(string Name, long Count)> dropped = [];

    public void Clear() => dropped.Clear();

    public void Add(string name, long count)
    {
        var index = dropped.FindIndex(entry => entry.Name == name);
        if (index < 0)
        {
            dropped.Add((name, count));
        }
        else
        {
            dropped[index] = (name, dropped[index].Count + count);
        }
    }

    public void Write(ArrayBufferWriter<byte> buffer, PrometheusFormat format)
    {
        if (dropped.Count == 0)
        {
            return;
        }

        buffer.Write(format == PrometheusFormat.OpenMetrics ? Info.OpenMetricsHeader : Info.Header);
        foreach (var (name, count) in dropped)
        {
            buffer.Write(Info.NameBytes);
            buffer.Write(Label);
            buffer.WriteEscaped(name);
            buffer.Write("\"} "u8);
            buffer.WriteLong(count);
            buffer.Write("\n"u8);
        }
    }
}
