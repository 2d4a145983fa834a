using System.Globalization;
using System.Text;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Writes <c>/metrics-text</c>: every metric under its OpenTelemetry name with its unit, one line per series,
/// histograms as count, sum and mean. Meant for a person with curl, not for a scraper.
/// </summary>
internal sealed class MetricsTextSummary(MoniKitOptions service) : IMetricBatchSink
{
    private readonly StringBuilder text = new();

    public string Text => text.ToString();

    public void Write(in Batch<Metric> batch)
    {
        text.Clear();
        text.Append(CultureInfo.InvariantCulture, $"{service.ServiceName} {service.ServiceVersion} ({service.Environment})\n");
        foreach (var metric in batch)
        {
            var header = false;
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                if (!header)
                {
                    text.Append('\n').Append(metric.Name);
                    if (!string.IsNullOrEmpty(metric.Unit))
                    {
                        text.Append(" [").Append(metric.Unit).Append(']');
                    }

                    text.Append(" (").Append(metric.MeterName).Append(")\n");
                    header = true;
                }

                text.Append("  ");
                var first = true;
                foreach (var tag in point.Tags)
                {
                    text.Append(first ? string.Empty : ", ").Append(tag.Key).Append('=')
                        .Append(Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
                    first = false;
                }

                text.Append(first ? "(no attributes)" : string.Empty).Append(": ");
                AppendValue(metric.MetricType, in point);
                text.Append('\n');
            }
        }
    }

    private void AppendValue(MetricType type, in MetricPoint point)
    {
        var value = type switch
        {
            MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong().ToString(CultureInfo.InvariantCulture),
            MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => Format(point.GetSumDouble()),
            MetricType.LongGauge => point.GetGaugeLastValueLong().ToString(CultureInfo.InvariantCulture),
            MetricType.DoubleGauge => Format(point.GetGaugeLastValueDouble()),
            MetricType.Histogram => HistogramSummary(in point),
            _ => "(not shown)",
        };
        text.Append(value);
    }

    private static string HistogramSummary(in MetricPoint point)
    {
        var count = point.GetHistogramCount();
        var sum = point.GetHistogramSum();
        var mean = count == 0 ? 0 : sum / count;
        return string.Create(CultureInfo.InvariantCulture, $"count={count} sum={Format(sum)} mean={Format(mean)}");
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
