namespace MoniKit.Metrics.Implementation;

/// <summary>The Prometheus metric types MoniKit writes.</summary>
internal enum PrometheusMetricType
{
    /// <summary>Not written (exponential histograms, which MoniKit does not configure).</summary>
    Unsupported,
    /// <summary>A monotonic sum.</summary>
    Counter,
    /// <summary>A last value or a non-monotonic sum.</summary>
    Gauge,
    /// <summary>An explicit-bucket histogram.</summary>
    Histogram,
}
