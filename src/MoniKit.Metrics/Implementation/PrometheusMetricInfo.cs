using System.Text;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>A metric's Prometheus name, type and header lines, encoded once and reused on every scrape.</summary>
internal sealed class PrometheusMetricInfo
{
    private PrometheusMetricInfo(string name, PrometheusMetricType type, string help)
    {
        Name = name;
        Type = type;
        NameBytes = Encoding.UTF8.GetBytes(name);
        BucketBytes = Encoding.UTF8.GetBytes(name + "_bucket");
        SumBytes = Encoding.UTF8.GetBytes(name + "_sum");
        CountBytes = Encoding.UTF8.GetBytes(name + "_count");
        var typeName = type switch
        {
            PrometheusMetricType.Counter => "counter",
            PrometheusMetricType.Histogram => "histogram",
            _ => "gauge",
        };
        Header = Encoding.UTF8.GetBytes($"# HELP {name} {EscapeHelp(help)}\n# TYPE {name} {typeName}\n");
    }

    public string Name { get; }

    public PrometheusMetricType Type { get; }

    public byte[] NameBytes { get; }

    public byte[] BucketBytes { get; }

    public byte[] SumBytes { get; }

    public byte[] CountBytes { get; }

    /// <summary>The <c># HELP</c> and <c># TYPE</c> lines.</summary>
    public byte[] Header { get; }

    public static PrometheusMetricInfo Create(Metric metric)
    {
        var type = TypeOf(metric.MetricType);
        var help = string.IsNullOrWhiteSpace(metric.Description) ? metric.Name : metric.Description;
        return Create(metric.Name, metric.Unit, type, help);
    }

    public static PrometheusMetricInfo Create(string name, string? unit, PrometheusMetricType type, string help) =>
        new(PrometheusNames.MetricName(name, unit, type), type, help);

    public static PrometheusMetricType TypeOf(MetricType metricType) => metricType switch
    {
        MetricType.LongSum or MetricType.DoubleSum => PrometheusMetricType.Counter,
        MetricType.LongGauge or MetricType.DoubleGauge or MetricType.LongSumNonMonotonic
            or MetricType.DoubleSumNonMonotonic => PrometheusMetricType.Gauge,
        MetricType.Histogram => PrometheusMetricType.Histogram,
        _ => PrometheusMetricType.Unsupported,
    };

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
}
