namespace MoniKit.Hosting;

/// <summary>
/// Runs a piece of work as a monitored job run: its own trace id, one <c>job</c> log line and the job metrics.
/// Use it for triggered work (a message, a manual re-run); periodic work is simpler with
/// <c>builder.AddMoniKitJob&lt;TJob&gt;(interval)</c>. Registered by <c>AddMoniKit()</c> and <c>AddMoniKitJobs()</c>.
/// </summary>
public interface IJobMonitor
{
    /// <summary>
    /// Runs <paramref name="work"/> once. A failure is logged at Error with its exception and reported as
    /// <see cref="JobOutcome.Failure"/>, never thrown, so one failing run cannot stop the host or other jobs.
    /// </summary>
    /// <param name="job">The job name: the <c>job</c> label and <c>monikit.job.name</c>. Keep the set of names small.</param>
    /// <param name="work">The work; it receives <paramref name="cancellationToken"/>.</param>
    /// <param name="cancellationToken">Cancels the run; the run then ends as <see cref="JobOutcome.Cancelled"/>.</param>
    /// <returns>How the run ended.</returns>
    /// <exception cref="ArgumentException"><paramref name="job"/> is empty or longer than 100 characters.</exception>
    Task<JobOutcome> RunAsync(string job, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default);
}
