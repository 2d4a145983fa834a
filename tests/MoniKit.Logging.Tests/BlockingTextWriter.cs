using System.Text;

namespace MoniKit.Logging.Tests;

/// <summary>
/// Standard output that nobody reads: every write blocks until <see cref="Release"/>, as a write to a full pipe does.
/// </summary>
internal sealed class BlockingTextWriter : TextWriter
{
    private readonly ManualResetEventSlim _released = new(false);
    private readonly ManualResetEventSlim _entered = new(false);
    private int _blocked;

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Whether some write is blocked right now.</summary>
    public bool IsBlocked => Volatile.Read(ref _blocked) > 0;

    /// <summary>Waits until some write is blocked.</summary>
    public bool WaitUntilBlocked(TimeSpan timeout) => _entered.Wait(timeout);

    public void Release() => _released.Set();

    public override void Write(char value) => Block();

    public override void Write(char[] buffer, int index, int count) => Block();

    public override void Write(ReadOnlySpan<char> buffer) => Block();

    public override void Write(string? value) => Block();

    public override void Flush() => Block();

    protected override void Dispose(bool disposing)
    {
        Release();
        base.Dispose(disposing);
    }

    private void Block()
    {
        Interlocked.Increment(ref _blocked);
        _entered.Set();
        _released.Wait();
        Interlocked.Decrement(ref _blocked);
    }
}
