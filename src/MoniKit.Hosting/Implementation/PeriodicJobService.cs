using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Hosting.Implementation;

/// <summary>
/// Runs one periodic job: at start, then every interval measured from the previous scheduled start. A run that
/// overruns its interval is followed at once by the next one; runs of one job never overlap.
/// </summary>
internal sealed class PeriodicJobService(
    string job,
    TimeSpan interval,
    Func<IServiceProvider, IJob> resolve,
    JobMonitor monitor,
    IServiceScopeFactory scopes,
    TimeProvider time) : BackgroundService
{
    public string Job => job;

    public TimeSpan Interval => interval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var delay = next - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var scheduled = next;
            await monitor.RunAsync(job, RunOnceAsync, () => next = Later(scheduled + interval, time.GetUtcNow()), stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            await resolve(scope.ServiceProvider).RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
