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

/// <summary>Ignores its cancellation token: it runs until the test releases it, as careless job code does.</summary>
public sealed class StubbornJob : IJob
{
    public static TaskCompletionSource Started { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static TaskCompletionSource Release { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        await Release.Task;
    }
}
