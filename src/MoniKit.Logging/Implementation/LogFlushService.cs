using Microsoft.Extensions.Hosting;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Flushes the queues once every other hosted service has stopped, so the files are complete when
/// <c>StopAsync</c> returns. The container's disposal flushes again for anything logged later.
/// </summary>
internal sealed class LogFlushService(MoniKitLogFactory logFactory) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        logFactory.Flush();
        return Task.CompletedTask;
    }
}
