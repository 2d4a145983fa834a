using Microsoft.Extensions.Hosting;

namespace MoniKit.Hosting.Implementation;

/// <summary>
/// Once every hosted service has stopped, or the host's shutdown timeout has cut their stop short, reports the job
/// runs still in progress as abandoned: their work ignored cancellation, and the process is about to end under them.
/// </summary>
internal sealed class AbandonedJobReporter(JobMonitor monitor) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        monitor.AbandonRunning();
        return Task.CompletedTask;
    }
}
