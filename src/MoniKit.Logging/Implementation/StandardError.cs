using System.Collections.Concurrent;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// MoniKit's own messages for people (a file that cannot be written, lines lost at shutdown), written to standard
/// error by a thread of its own: a standard error that nobody reads can hold up neither a log writer nor the shutdown.
/// At most <see cref="Capacity"/> messages wait; more are dropped.
/// </summary>
/// <remarks>
/// On Unix, .NET's console writes standard error under the lock of <see cref="Console.Out"/>, so a write to standard
/// output that never returns (a pipe nobody reads) holds up <see cref="Console.Error"/> too, although standard error
/// itself is fine. <see cref="WriteAroundConsole"/> writes what is still waiting straight to the process's standard
/// error instead.
/// </remarks>
internal sealed class StandardError
{
    public const int Capacity = 100;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ConcurrentQueue<string> _messages = new();
    private readonly object _gate = new();
    private readonly Func<TextWriter> _output;
    private readonly Lock _start = new();
    private long _queued;
    private long _written;
    private string? _writing;
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

    /// <summary>
    /// For the end of the process, when <see cref="WaitUntilWritten"/> gave up: writes the messages still waiting (and
    /// the one the writer is stuck on) to the process's standard error, bypassing <see cref="Console"/>; waits at most
    /// <paramref name="timeout"/>, as standard error itself may be stuck too.
    /// </summary>
    public bool WriteAroundConsole(TimeSpan timeout)
    {
        var text = new StringBuilder();
        if (Volatile.Read(ref _writing) is { } stuck)
        {
            text.Append(stuck).Append('\n');
        }

        while (_messages.TryDequeue(out var message))
        {
            text.Append(message).Append('\n');
        }

        if (text.Length == 0)
        {
            return true;
        }

        var bytes = Utf8.GetBytes(text.ToString());
        var writer = new Thread(() => WriteRaw(bytes)) { IsBackground = true, Name = "MoniKit standard error (direct)" };
        writer.Start();
        return writer.Join(timeout);
    }

    private static void WriteRaw(byte[] bytes)
    {
        try
        {
            // File descriptor 2 itself; on Windows the console stream takes no lock of Console.Out.
            using var stream = OperatingSystem.IsWindows()
                ? Console.OpenStandardError()
                : new FileStream(new SafeFileHandle(2, ownsHandle: false), FileAccess.Write, bufferSize: 0);
            stream.Write(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException or ArgumentException)
        {
            // Nowhere left to say it.
        }
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
                Volatile.Write(ref _writing, message);
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

                Volatile.Write(ref _writing, null);
                Interlocked.Increment(ref _written);
            }
        }
    }
}
