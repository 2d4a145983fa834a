using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MoniKit.Hosting.Implementation;

/// <summary>Runs job work in its own root activity and reports each run as one <c>job</c> line and the job metrics.</summary>
internal sealed class JobMonitor(ILoggerFactory loggerFactory, JobMetrics metrics, TimeProvider time) : IJobMonitor
{
    public const string LoggerName = "MoniKit.Jobs";

    private static readonly ActivitySource Source = new(JobMetrics.MeterName);
    private static readonly EventId JobEvent = new(1, EventKinds.Job);

    private readonly ILogger _logger = loggerFactory.CreateLogger(LoggerName);

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
        var activity = Source.StartActivity("job " + job, ActivityKind.Internal) ?? new Activity("job " + job).Start();
        activity.SetTag(LogFields.JobName, job);
        try
        {
            var start = time.GetTimestamp();
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

            var elapsed = time.GetElapsedTime(start);
            metrics.Record(job, outcome, elapsed, time.GetUtcNow());
            activity.SetStatus(outcome == JobOutcome.Failure ? ActivityStatusCode.Error : ActivityStatusCode.Ok);
            activity.SetTag(LogFields.JobOutcome, JobOutcomeNames.Of(outcome));
            activity.SetTag("error.type", failure?.GetType().FullName);
            Log(job, outcome, elapsed, failure, nextRun?.Invoke());
            return outcome;
        }
        finally
        {
            activity.Stop();
            Activity.Current = parent;
        }
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
            _ => "was cancelled after",
        };
        var message = string.Create(CultureInfo.InvariantCulture, $"Job {job} {what} {elapsed.TotalMilliseconds:0.0} ms")
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
