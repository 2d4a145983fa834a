using Microsoft.Extensions.Hosting;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Writes what is queued once every other hosted service has stopped, so the files are complete when
/// <c>StopAsync</c> returns. It waits at most <see cref="MoniKitLogFactory.MaxShutdownWait"/>, or until the host's
/// shutdown timeout passes, and reports what a stuck destination could not take instead of failing the shutdown.
/// The container's disposal drains again for anything logged later.
/// </summary>
internal sealed class LogFlushService(MoniKitLogFactory logFactory) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => logFactory.ShutdownAsync(cancellationToken);
}
