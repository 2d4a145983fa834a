using System.Text;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>A metric's Prometheus name, type and header lines in both formats, encoded once and reused on every scrape.</summary>
internal sealed class PrometheusMetricInfo
{
    private PrometheusMetricInfo(string name, string unit, PrometheusMetricType type, string help)
    {
        Name = name;
        FamilyName = PrometheusNames.FamilyName(name, type);
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
        Header = Encoding.UTF8.GetBytes($"# HELP {name} {Escape(help, quotes: false)}\n# TYPE {name} {typeName}\n");

        // A UNIT line is only valid when the unit ends the family name; a gauge given "_value" keeps no UNIT.
        var unitLine = unit.Length > 0 && FamilyName.EndsWith("_" + unit, StringComparison.Ordinal) ? $"# UNIT {FamilyName} {unit}\n" : string.Empty;
        OpenMetricsHeader = Encoding.UTF8.GetBytes($"# TYPE {FamilyName} {typeName}\n{unitLine}# HELP {FamilyName} {Escape(help, quotes: true)}\n");
    }

    /// <summary>The name of the samples of counters, gauges, and the base of histogram samples.</summary>
    public string Name { get; }

    /// <summary>The OpenMetrics MetricFamily name (a counter's name without <c>_total</c>); metrics are grouped by it.</summary>
    public string FamilyName { get; }

    public PrometheusMetricType Type { get; }

    public byte[] NameBytes { get; }

    public byte[] BucketBytes { get; }

    public byte[] SumBytes { get; }

    public byte[] CountBytes { get; }

    /// <summary>The <c># HELP</c> and <c># TYPE</c> lines of the Prometheus text format 0.0.4.</summary>
    public byte[] Header { get; }

    /// <summary>The <c># TYPE</c>, <c># UNIT</c> and <c># HELP</c> lines of OpenMetrics.</summary>
    public byte[] OpenMetricsHeader { get; }

    public static PrometheusMetricInfo Create(Metric metric)
    {
        var type = TypeOf(metric.MetricType);
        var help = string.IsNullOrWhiteSpace(metric.Description) ? metric.Name : metric.Description;
        return Create(metric.Name, metric.Unit, type, help);
    }

    public static PrometheusMetricInfo Create(string name, string? unit, PrometheusMetricType type, string help) =>
        new(PrometheusNames.MetricName(name, unit, type), PrometheusNames.UnitSuffix(unit, type), type, help);

    public static PrometheusMetricType TypeOf(MetricType metricType) => metricType switch
    {
        MetricType.LongSum or MetricType.DoubleSum => PrometheusMetricType.Counter,
        MetricType.LongGauge or MetricType.DoubleGauge or MetricType.LongSumNonMonotonic
            or MetricType.DoubleSumNonMonotonic => PrometheusMetricType.Gauge,
        MetricType.Histogram => PrometheusMetricType.Histogram,
        _ => PrometheusMetricType.Unsupported,
    };

    // Both formats escape backslash and line feed in help text; OpenMetrics also escapes double quotes.
    private static string Escape(string help, bool quotes)
    {
        var escaped = help.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
        return quotes ? escaped.Replace("\"", "\\\"", StringComparison.Ordinal) : escaped;
    }
}
