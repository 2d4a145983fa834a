using NLog.Common;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// A flush request travelling behind the lines queued before it: it completes once every destination it was handed to
/// has written those lines (or was given up).
/// </summary>
internal sealed class FlushMarker(AsyncContinuation? continuation)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = 1;

    public Task Completion => _done.Task;

    /// <summary>One more destination must pass the marker before it completes.</summary>
    public void Expect() => Interlocked.Increment(ref _remaining);

    /// <summary>A destination wrote everything queued before the marker.</summary>
    public void Arrive()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            continuation?.Invoke(null);
            _done.TrySetResult();
        }
    }
}
