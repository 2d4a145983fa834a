using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NLog.Common;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// One destination (the console, the log file, the error file) with a bounded queue and a writer thread of its own, so
/// that a destination that is stuck or slow (standard output that nobody reads, a hung disk) never holds up the others.
/// Lines it cannot take are dropped and counted under its own name. Once given up at shutdown, it takes nothing more.
/// </summary>
internal abstract class LineDestination<T> : ILineDestination
    where T : unmanaged
{
    // Enough for the batch being filled, the one being written and one waiting; more would only hold memory.
    private const int PooledBatches = 3;

    private readonly ConcurrentQueue<(LineBatch<T>? Batch, FlushMarker? Marker)> _items = new();
    private readonly ConcurrentQueue<LineBatch<T>> _pool = new();
    private readonly ManualResetEventSlim _work = new(false, spinCount: 0);
    private readonly ManualResetEventSlim _room = new(false, spinCount: 0);
    private readonly int _lineLimit;
    private readonly bool _waitForRoom;
    private long _queuedLines;
    private volatile bool _abandoned;
    private volatile bool _completing;
    private Thread? _thread;

    protected LineDestination(string name, int lineLimit, bool waitForRoom, StrongBox<long> dropped)
    {
        Name = name;
        _lineLimit = lineLimit;
        _waitForRoom = waitForRoom;
        Dropped = dropped;
    }

    public string Name { get; }

    public long QueuedLines => Interlocked.Read(ref _queuedLines);

    public long DroppedLines => Interlocked.Read(ref Dropped.Value);

    /// <summary>Whether it was given up at shutdown.</summary>

    /// <summary>Whether its writer thread has ended (or never started), so that nothing else touches what it writes to.</summary>
    protected bool HasEnded => _thread is null || !_thread.IsAlive;

    protected StrongBox<long> Dropped { get; }

    public void Start()
    {
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "MoniKit log writer (" + Name + ")" };
        _thread.Start();
    }

    public LineBatch<T> Rent() => _pool.TryDequeue(out var batch) ? batch : new LineBatch<T>();

    /// <summary>
    /// Queues a batch, or drops and counts it when the queue is full. A file in <c>Block</c> mode waits for room
    /// instead, so that nothing is lost; the console never does.
    /// </summary>
    public void Offer(LineBatch<T> batch)
    {
        var lines = batch.Lines;
        while (_waitForRoom && !_abandoned && !_completing && QueuedLines > 0 && QueuedLines + lines > _lineLimit)
        {
            _room.Reset();
            if (QueuedLines > 0 && QueuedLines + lines > _lineLimit)
            {
                _room.Wait();
            }
        }

        if (_abandoned || (QueuedLines > 0 && QueuedLines + lines > _lineLimit && !_waitForRoom))
        {
            CountDropped(lines);
            Return(batch);
            return;
        }

        Interlocked.Add(ref _queuedLines, lines);
        _items.Enqueue((batch, null));
        _work.Set();
    }

    /// <summary>The marker arrives once the lines queued before it are written, or at once if the destination was given up.</summary>
    public void Offer(FlushMarker marker)
    {
        marker.Expect();
        if (_abandoned)
        {
            marker.Arrive();
            return;
        }

        _items.Enqueue((null, marker));
        _work.Set();
    }

    public void CountDropped(long lines) => Interlocked.Add(ref Dropped.Value, lines);

    public long Abandon()
    {
        _abandoned = true;
        _room.Set();
        _work.Set();
        var lost = Interlocked.Exchange(ref _queuedLines, 0);
        CountDropped(lost);
        return lost;
    }

    public bool Complete(TimeSpan timeout)
    {
        _completing = true;
        _room.Set();
        _work.Set();
        return _thread is null || _abandoned || _thread.Join(timeout);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes whole lines; a failure is handled (and counted) by the destination itself.</summary>
    protected abstract void Write(LineBatch<T> batch);

    /// <summary>Pushes what was written out to the device, at the end of each round of batches and at a flush.</summary>
    protected abstract void Flush();

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && HasEnded)
        {
            // A writer still stuck in a write keeps its events: disposing them under it would only add a second failure.
            _work.Dispose();
            _room.Dispose();
        }
    }

    private void WriteLoop()
    {
        while (true)
        {
            _work.Wait();
            _work.Reset();
            var wrote = false;
            while (_items.TryDequeue(out var item))
            {
                if (item.Marker is { } marker)
                {
                    FlushQuietly(ref wrote);
                    marker.Arrive();
                }
                else if (item.Batch is { } batch)
                {
                    if (!_abandoned)
                    {
                        WriteQuietly(batch);
                        wrote = true;
                        Interlocked.Add(ref _queuedLines, -batch.Lines);
                        _room.Set();
                    }

                    Return(batch);
                }
            }

            FlushQuietly(ref wrote);
            if (_completing || _abandoned)
            {
                return;
            }
        }
    }

    private void WriteQuietly(LineBatch<T> batch)
    {
        try
        {
            Write(batch);
        }
#pragma warning disable CA1031 // The writer thread must survive anything a destination throws; the lines are counted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            CountDropped(batch.Lines);
            InternalLogger.Error(ex, "MoniKit: writing to the log destination {0} failed", Name);
        }
    }

    private void FlushQuietly(ref bool wrote)
    {
        if (!wrote)
        {
            return;
        }

        wrote = false;
        try
        {
            Flush();
        }
#pragma warning disable CA1031 // As above: a failing flush must not end the writer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            InternalLogger.Error(ex, "MoniKit: flushing the log destination {0} failed", Name);
        }
    }

    private void Return(LineBatch<T> batch)
    {
        batch.Clear();
        if (!batch.IsOversized && _pool.Count < PooledBatches)
        {
            _pool.Enqueue(batch);
        }
    }
}
