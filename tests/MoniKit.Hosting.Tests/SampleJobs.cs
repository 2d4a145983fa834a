namespace MoniKit.Hosting.Tests;

public sealed class CleanupJob : IJob
{
    public Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Fails on its first run, succeeds afterwards.</summary>
public sealed class FlakyExportJob : IJob
{
    private static int _runs;

    public Task RunAsync(CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _runs) == 1
            ? throw new InvalidOperationException("Export target unavailable")
            : Task.CompletedTask;
}

public sealed class AlwaysFailingJob : IJob
{
    public Task RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("Always broken");
}
