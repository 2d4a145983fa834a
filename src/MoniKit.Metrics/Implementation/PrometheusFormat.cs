namespace MoniKit.Metrics.Implementation;

/// <summary>The text formats <c>/metrics</c> answers in.</summary>
internal enum PrometheusFormat
{
    /// <summary>The Prometheus text format 0.0.4, for scrapers that do not ask for OpenMetrics.</summary>
    Text004,
    /// <summary>OpenMetrics 1.0 text, the only one of the two that carries exemplars.</summary>
    OpenMetrics,
}
