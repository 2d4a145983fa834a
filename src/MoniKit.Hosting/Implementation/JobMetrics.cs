using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MoniKit.Hosting.Implementation;

/// <summary>The job instruments on the <c>MoniKit.Jobs</c> meter.</summary>
internal sealed class JobMetrics
{
    public const string MeterName = "MoniKit.Jobs";

    // Jobs run from milliseconds to an hour; the request-sized default buckets would put most runs in +Inf.
    private static readonly double[] DurationBuckets = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<string, double> _lastSuccess = new(StringComparer.Ordinal);

    public JobMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _runs = meter.CreateCounter<long>("monikit.job.runs", "{run}", "Job runs by outcome.");
        _duration = meter.CreateHistogram(
            "monikit.job.duration",
            "s",
            "Duration of job runs.",
            tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        meter.CreateObservableGauge(
            "monikit.job.last_success_timestamp",
            () => _lastSuccess.Select(pair => new Measurement<double>(pair.Value, new KeyValuePair<string, object?>("job", pair.Key))),
            "s",
            "Unix time of the last successful run of each job.");
    }

    public void Record(string job, JobOutcome outcome, TimeSpan elapsed, DateTimeOffset end)
    {
        var jobTag = new KeyValuePair<string, object?>("job", job);
        _runs.Add(1, jobTag, new KeyValuePair<string, object?>("outcome", JobOutcomeNames.Of(outcome)));
        _duration.Record(elapsed.TotalSeconds, jobTag);
        if (outcome == JobOutcome.Success)
        {
            _lastSuccess[job] = end.ToUnixTimeMilliseconds() / 1000.0;
        }
    }
}
