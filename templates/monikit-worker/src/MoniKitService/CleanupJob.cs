using MoniKit.Hosting;

namespace MoniKitService;

/// <summary>
/// A sample periodic job. Each run is logged as one "job" line with its own trace id, counted in
/// monikit_job_runs_total, and a run that throws is logged at Error and alerted. Replace the body with your work.
/// </summary>
public sealed class CleanupJob(ILogger<CleanupJob> logger, TimeProvider time) : IJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Stands in for real work, such as deleting expired rows or files.
        await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        logger.LogInformation("Removed {ExpiredCount} expired entries older than {Cutoff:O}", 0, time.GetUtcNow().AddDays(-30));
    }
}
