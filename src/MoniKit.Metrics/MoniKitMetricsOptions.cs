namespace MoniKit.Metrics;

/// <summary>What the metrics pipeline collects. Bound from <c>MoniKit:Metrics</c>.</summary>
public sealed class MoniKitMetricsOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Metrics";

    /// <summary>
    /// Extra meter names to collect, on top of ASP.NET Core's, <c>System.Runtime</c>, <c>System.Net.Http</c> and
    /// every <c>MoniKit.*</c> meter. A trailing <c>*</c> is a wildcard (<c>MyCompany.*</c>).
    /// Default value: empty.
    /// </summary>
    public IList<string> Meters { get; } = [];

    /// <summary>
    /// The most series (label combinations) kept per metric. Measurements with a new combination beyond it are folded
    /// into one series labelled <c>otel_metric_overflow="true"</c> and counted by
    /// <c>monikit_metrics_series_dropped_total</c>, so a label fed by user input cannot exhaust memory.
    /// Default value: 2000.
    /// </summary>
    public int MaxSeriesPerMetric { get; set; } = 2000;

    /// <summary>
    /// Whether histogram buckets and counters carry exemplars in the OpenMetrics answer of <c>/metrics</c>: the trace
    /// and span id of a recent measurement made inside a sampled trace (the OpenTelemetry SDK's trace-based exemplar
    /// filter). The Prometheus text format 0.0.4 never carries them. Default value: <see langword="true"/>.
    /// </summary>
    public bool Exemplars { get; set; } = true;

    internal IEnumerable<string> Validate()
    {
        const string Prefix = $"{MoniKitOptions.SectionName}:{SectionName}";
        if (MaxSeriesPerMetric is < 1 or > 1_000_000)
        {
            yield return $"{Prefix}:{nameof(MaxSeriesPerMetric)} must be between 1 and 1000000 (was {MaxSeriesPerMetric})";
        }

        for (var i = 0; i < Meters.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Meters[i]))
            {
                yield return $"{Prefix}:{nameof(Meters)}:{i} must be a meter name";
            }
        }
    }
}
