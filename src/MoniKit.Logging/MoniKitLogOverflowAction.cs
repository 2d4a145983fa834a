namespace MoniKit.Logging;

/// <summary>What a log target does when its asynchronous queue is full.</summary>
public enum MoniKitLogOverflowAction
{
    /// <summary>
    /// Drop the event and count it in <c>monikit.log.events.dropped</c>. The caller never waits, so a slow disk or
    /// console cannot slow a request down.
    /// </summary>
    Discard,

    /// <summary>Make the caller wait until the queue has room. No event is lost, but a request may stall.</summary>
    Block,

    /// <summary>Let the queue grow beyond its limit. No event is lost and nobody waits, but memory is unbounded.</summary>
    Grow,
}
