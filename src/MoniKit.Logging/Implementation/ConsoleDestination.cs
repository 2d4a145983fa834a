using System.Runtime.CompilerServices;
using NLog.Common;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Standard output. It always drops what does not fit in its queue, whatever the overflow action: a console that
/// nobody reads must never hold up the files or the service.
/// </summary>
internal sealed class ConsoleDestination(int lineLimit, StrongBox<long> dropped, Func<TextWriter> output)
    : LineDestination<char>("console", lineLimit, waitForRoom: false, dropped)
{
    protected override void Write(LineBatch<char> batch)
    {
        try
        {
            // Console.Out by default, not the raw stream, so that a host or test that redirects the console gets the lines.
            output().Write(batch.Content);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            CountDropped(batch.Lines);
            InternalLogger.Warn(ex, "MoniKit: writing to standard output failed");
        }
    }

    protected override void Flush()
    {
        try
        {
            output().Flush();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            InternalLogger.Warn(ex, "MoniKit: flushing standard output failed");
        }
    }
}
