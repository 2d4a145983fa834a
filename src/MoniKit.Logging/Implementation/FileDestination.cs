namespace MoniKit.Logging.Implementation;

/// <summary>A log file behind its own queue and writer; in <c>Block</c> mode the writer thread waits for room instead of dropping.</summary>
internal sealed class FileDestination(string name, RollingFile file, int lineLimit, bool waitForRoom)
    : LineDestination<byte>(name, lineLimit, waitForRoom, file.Dropped)
{
    public RollingFile File => file;

    protected override void Write(LineBatch<byte> batch) => file.Write(batch.Content);

    // Each batch is written straight through; there is nothing buffered to push.
    protected override void Flush()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && HasEnded)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }
}
