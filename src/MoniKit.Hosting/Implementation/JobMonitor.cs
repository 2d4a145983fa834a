using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MoniKit.Hosting.Implementation;

/// <summary>
/// Runs job work in its own root activity and reports each run as one <c>job</c> line and the job metrics. A run
/// still going when the host has stopped, because its work ignored cancellation past the shutdown timeout, is
/// reported then as abandoned.
/// </summary>
internal sealed class JobMonitor(ILoggerFactory loggerFactory, JobMetrics metrics, TimeProvider time) : IJobMonitor
{
    public const string LoggerName = "MoniKit.Jobs";

    private static readonly ActivitySource Source = new(JobMetrics.MeterName);
    private static readonly EventId JobEvent = new(1, EventKinds.Job);

    private readonly ILogger _logger = loggerFactory.CreateLogger(LoggerName);
    private readonly ConcurrentDictionary<JobRun, byte> _running = new();

    public Task<JobOutcome> RunAsync(string job, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(job, work, nextRun: null, cancellationToken);

    /// <param name="job">The job name.</param>
    /// <param name="work">The work.</param>
    /// <param name="nextRun">Called once the work is over; returns when the job runs next, for the log line.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public async Task<JobOutcome> RunAsync(string job, Func<CancellationToken, Task> work, Func<DateTimeOffset>? nextRun, CancellationToken cancellationToken)
    {
        JobNames.Validate(job, nameof(job));
        ArgumentNullException.ThrowIfNull(work);

        // A run is its own operation: it must not join the trace of whoever triggered it or started the host.
        var parent = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity("job " + job, ActivityKind.Internal) ?? StartSampledRoot(job);
        activity.SetTag(LogFields.JobName, job);
        var run = new JobRun(job, time.GetTimestamp(), activity);
        _running.TryAdd(run, 0);
        try
        {
            Exception? failure = null;
            JobOutcome outcome;
            try
            {
                await work(cancellationToken).ConfigureAwait(false);
                outcome = JobOutcome.Success;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome = JobOutcome.Cancelled;
            }
            catch (Exception ex)
            {
                failure = ex;
                outcome = JobOutcome.Failure;
            }

            if (!run.TryClaim())
            {
                return JobOutcome.Abandoned;
            }

            Report(run, outcome, failure, nextRun?.Invoke());
            return outcome;
        }
        finally
        {
            _running.TryRemove(run, out _);
            activity.Stop();
            Activity.Current = parent;
        }
    }

    // With no listener on the job source, MoniKit samples each run itself: a run is rare and its own root, and only a
    // sampled activity makes the run's duration an exemplar (trace-based filter) that leads to its log lines.
    private static Activity StartSampledRoot(string job)
    {
        var activity = new Activity("job " + job) { ActivityTraceFlags = ActivityTraceFlags.Recorded };
        return activity.Start();
    }

    /// <summary>Reports every run still in progress as abandoned, with its duration so far.</summary>
    public void AbandonRunning()
    {
        foreach (var run in _running.Keys)
        {
            if (!run.TryClaim())
            {
                continue;
            }

            // The line carries the run's own trace id, as the run's other lines do.
            var current = Activity.Current;
            Activity.Current = run.Activity;
            try
            {
                Report(run, JobOutcome.Abandoned, failure: null, next: null);
            }
            finally
            {
                Activity.Current = current;
            }
        }
    }

    private void Report(JobRun run, JobOutcome outcome, Exception? failure, DateTimeOffset? next)
    {
        var elapsed = time.GetElapsedTime(run.Start);
        metrics.Record(run.Job, outcome, elapsed, time.GetUtcNow());
        run.Activity.SetStatus(outcome == JobOutcome.Failure ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
        run.Activity.SetTag(LogFields.JobOutcome, JobOutcomeNames.Of(outcome));
        run.Activity.SetTag("error.type", failure?.GetType().FullName);
        Log(run.Job, outcome, elapsed, failure, next);
    }

    private void Log(string job, JobOutcome outcome, TimeSpan elapsed, Exception? failure, DateTimeOffset? next)
    {
        var level = outcome switch
        {
            JobOutcome.Success => LogLevel.Information,
            JobOutcome.Failure => LogLevel.Error,
            _ => LogLevel.Warning,
        };
        if (!_logger.IsEnabled(level))
        {
            return;
        }

        var nextText = next?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var what = outcome switch
        {
            JobOutcome.Success => "succeeded in",
            JobOutcome.Failure => $"failed with {failure!.GetType().Name} after",
            JobOutcome.Abandoned => "was abandoned after",
            _ => "was cancelled after",
        };
        var message = string.Create(CultureInfo.InvariantCulture, $"Job {job} {what} {elapsed.TotalMilliseconds:0.0} ms")
            + (outcome == JobOutcome.Abandoned ? ": it was still running when the host stopped" : string.Empty)
            + (nextText is null ? string.Empty : "; next run at " + nextText);
        var state = new StructuredLogState(message)
            .Add(LogFields.Kind, EventKinds.Job)
            .Add(LogFields.JobName, job)
            .Add(LogFields.EventOutcome, JobOutcomeNames.EventOutcome(outcome))
            .Add(LogFields.JobOutcome, JobOutcomeNames.Of(outcome))
            .Add(LogFields.EventDuration, elapsed.Ticks * 100)
            .Add(LogFields.JobNextRun, nextText);
        _logger.Log(level, JobEvent, state, failure, StructuredLogState.Formatter);
    }
}
