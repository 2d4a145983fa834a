using System.Collections.Concurrent;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// MoniKit's own messages for people (a file that cannot be written, lines lost at shutdown), written to standard
/// error by a thread of its own: a standard error that nobody reads can hold up neither a log writer nor the shutdown.
/// At most <see cref="Capacity"/> messages wait; more are dropped.
/// </summary>
internal sealed class StandardError
{
    public const int Capacity = 100;

    private readonly ConcurrentQueue<string> _messages = new();
    private readonly object _gate = new();
    private readonly Func<TextWriter> _output;
    private readonly Lock _start = new();
    private long _queued;
    private long _written;
    private Thread? _thread;

    public StandardError(Func<TextWriter> output) => _output = output;

    /// <summary>Standard error of the process (<see cref="Console.Error"/> when each message is written).</summary>
    public static StandardError Shared { get; } = new(() => Console.Error);

    /// <summary>Queues one line; never blocks.</summary>
    public void Write(string message)
    {
        if (Interlocked.Read(ref _queued) - Interlocked.Read(ref _written) >= Capacity)
        {
            return;
        }

        Interlocked.Increment(ref _queued);
        _messages.Enqueue(message);
        EnsureStarted();
        lock (_gate)
        {
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Waits until what was queued before the call is written, or <paramref name="timeout"/> passes.</summary>
    public bool WaitUntilWritten(TimeSpan timeout)
    {
        var target = Interlocked.Read(ref _queued);
        return SpinWait.SpinUntil(() => Interlocked.Read(ref _written) >= target, timeout);
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _thread) is not null)
        {
            return;
        }

        lock (_start)
        {
            if (_thread is null)
            {
                var thread = new Thread(WriteLoop) { IsBackground = true, Name = "MoniKit standard error" };
                thread.Start();
                Volatile.Write(ref _thread, thread);
            }
        }
    }

    private void WriteLoop()
    {
        while (true)
        {
            lock (_gate)
            {
                while (_messages.IsEmpty)
                {
                    Monitor.Wait(_gate);
                }
            }

            while (_messages.TryDequeue(out var message))
            {
                try
                {
                    var output = _output();
                    output.WriteLine(message);
                    output.Flush();
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                {
                    // Nowhere left to say it.
                }

                Interlocked.Increment(ref _written);
            }
        }
    }
}
