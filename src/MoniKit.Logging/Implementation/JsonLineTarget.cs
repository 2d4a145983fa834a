using System.Collections.Concurrent;
using NLog;
using NLog.Common;
using NLog.Targets;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// MoniKit's own destinations (the console, the log file, the error file) behind one bounded queue. The calling thread
/// only captures what it alone knows (trace ids, scopes) and enqueues the event; one writer thread renders each event
/// once and hands the line to each destination's own queue and writer, so that a destination that is stuck never holds
/// up the others. At shutdown, <see cref="DrainAsync"/> waits for the destinations until a deadline and gives up on
/// those that have not finished, reporting what they lost instead of hanging.
/// </summary>
internal sealed class JsonLineTarget : Target
{
    /// <summary>The least the shutdown waits for the destinations, even when the host's own timeout has passed.</summary>
    public static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(2);

    private readonly EventQueue _queue;
    private readonly LineRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<FlushMarker> _flushes = new();
    private readonly Func<bool> _otherWork;
    private volatile bool _stopping;
    private bool _writerEnded = true;
    private Thread? _writer;

    public JsonLineTarget(EventQueue queue, LineRenderer renderer, TimeProvider time)
    {
        _queue = queue;
        _renderer = renderer;
        _time = time;
        _otherWork = () => _stopping || !_flushes.IsEmpty;
        Destinations = [.. renderer.Destinations];
    }

    public IReadOnlyList<ILineDestination> Destinations { get; }

    /// <summary>
    /// Waits until every line queued before the call is written, or <paramref name="budget"/> passes, or the host gives
    /// up (<paramref name="hostStopping"/>, once <see cref="MinimumWait"/> has passed: healthy destinations need no
    /// more); then gives up on each destination that still holds lines. Returns what each of those lost.
    /// </summary>
    public async Task<IReadOnlyList<(string Destination, long Lines)>> DrainAsync(TimeSpan budget, CancellationToken hostStopping)
    {
        if (_writer is null)
        {
            return [];
        }

        var marker = new FlushMarker(null);
        _flushes.Enqueue(marker);
        _queue.Hurry();
        using var cancel = new CancellationTokenSource();
        var hostGaveUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = hostStopping.Register(() => hostGaveUp.TrySetResult());
        var deadline = Task.Delay(budget, _time, cancel.Token);
        var minimum = Task.Delay(MinimumWait, _time, cancel.Token);
        var finished = await Task.WhenAny(marker.Completion, deadline, Task.WhenAll(minimum, hostGaveUp.Task)).ConfigureAwait(false);
        await cancel.CancelAsync().ConfigureAwait(false);
        if (finished == marker.Completion)
        {
            return [];
        }

        return [.. Destinations.Where(d => d.QueuedLines > 0).Select(d => (d.Name, d.Abandon()))];
    }

    protected override void InitializeTarget()
    {
        base.InitializeTarget();
        foreach (var destination in Destinations)
        {
            destination.Start();
        }

        _stopping = false;
        _writerEnded = false;
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "MoniKit log writer" };
        _writer.Start();
    }

    protected override void CloseTarget()
    {
        _stopping = true;
        _queue.Close();
        _writerEnded = _writer is null || _writer.Join(StopWait);
        if (_writerEnded)
        {
            // Whatever arrived while the writer was finishing; the writer is gone, so this thread may render.
            WriteQueued();
        }

        _writer = null;
        foreach (var destination in Destinations)
        {
            destination.Complete(StopWait);
            destination.Dispose();
        }

        base.CloseTarget();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // A writer still held up (by a file in Block mode) keeps its queue: disposing it under the thread would crash it.
        if (disposing && _writerEnded)
        {
            _queue.Dispose();
        }
    }

    protected override void FlushAsync(AsyncContinuation asyncContinuation)
    {
        if (_writer is null)
        {
            asyncContinuation(null);
            return;
        }

        _flushes.Enqueue(new FlushMarker(asyncContinuation));
        _queue.Hurry();
    }

    protected override void Write(LogEventInfo logEvent) => Enqueue(logEvent);

    protected override void WriteAsyncThreadSafe(AsyncLogEventInfo logEvent)
    {
        Enqueue(logEvent.LogEvent);
        logEvent.Continuation(null);
    }

    protected override void WriteAsyncThreadSafe(IList<AsyncLogEventInfo> logEvents)
    {
        for (var i = 0; i < logEvents.Count; i++)
        {
            WriteAsyncThreadSafe(logEvents[i]);
        }
    }

    private void Enqueue(LogEventInfo logEvent)
    {
        // What only the calling thread knows is captured now; the rest is rendered by the writer.
        if (_queue.Enqueue(new QueuedEvent(logEvent, _renderer.CaptureContext(logEvent)), out var dropped))
        {
            _renderer.CountDropped(dropped.Event);
        }
    }

    private void WriteLoop()
    {
        while (true)
        {
            _queue.WaitForWork(_otherWork);
            var stopping = _stopping;
            WriteQueued();
            if (stopping)
            {
                return;
            }

            _queue.PauseForBatch();
        }
    }

    private void WriteQueued()
    {
        // Flushes asked for before this point are passed on behind everything queued before them.
        var flushes = _flushes.Count;
        try
        {
            // At most what is queued now, so that a steady stream of events cannot hold back the flushes.
            for (var n = _queue.Count; n > 0 && _queue.TryDequeue(out var queued); n--)
            {
                _renderer.Render(queued);
            }

            _renderer.HandOff();
        }
#pragma warning disable CA1031 // The writer thread must survive anything a line or a destination throws.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            InternalLogger.Error(ex, "MoniKit: the log writer failed");
        }

        for (var i = 0; i < flushes && _flushes.TryDequeue(out var flush); i++)
        {
            foreach (var destination in Destinations)
            {
                destination.Offer(flush);
            }

            flush.Arrive();
        }
    }
}
