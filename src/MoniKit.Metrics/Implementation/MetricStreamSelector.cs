using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Chooses how each instrument is aggregated: the series cap for every stream, histogram buckets from the
/// instrument's advice or the OpenTelemetry semantic conventions, and no stream at all for another host's meters.
/// </summary>
internal sealed class MetricStreamSelector(IMeterFactory meterFactory, int maxSeriesPerMetric)
{
    /// <summary>The semantic-convention buckets for durations in seconds (<c>http.server.request.duration</c> and others).</summary>
    internal static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    /// <summary>The SDK's default buckets, used for histograms in other units that give no advice.</summary>
    internal static readonly double[] DefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public MetricStreamConfiguration? Select(Instrument instrument)
    {
        // Meters made by another host's IMeterFactory (several hosts in one process, as in tests) belong to that host.
        if (instrument.Meter.Scope is IMeterFactory scope && !ReferenceEquals(scope, meterFactory))
        {
            return MetricStreamConfiguration.Drop;
        }

        if (!IsHistogram(instrument))
        {
            return new MetricStreamConfiguration { CardinalityLimit = maxSeriesPerMetric };
        }

        return new ExplicitBucketHistogramConfiguration
        {
            Boundaries = AdvisedBuckets(instrument) ?? (instrument.Unit == "s" ? SecondsBuckets : DefaultBuckets),
            CardinalityLimit = maxSeriesPerMetric,
        };
    }

    private static bool IsHistogram(Instrument instrument)
    {
        var type = instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Histogram<>);
    }

    private static double[]? AdvisedBuckets(Instrument instrument) => instrument switch
    {
        Instrument<double> d => d.Advice?.HistogramBucketBoundaries?.ToArray(),
        Instrument<float> f => f.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<long> l => l.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<int> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        _ => null,
    };
}
