using NLog.Common;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Keeps a log file made of whole lines only: after a write that a full disk cut short, and when a file is opened
/// whose last line was never finished, the file is cut back to its last line feed, so that the next line never gets
/// glued to half of another.
/// </summary>
internal sealed class LineCutter(string path)
{
    private const int ScanChunk = 64 * 1024;

    /// <summary>
    /// After a failed write of <paramref name="chunk"/> at <paramref name="start"/>: how many of its bytes stay in the
    /// file, which is cut back to the last whole line that reached it. Never throws; a file that cannot even be cut is
    /// repaired at its next opening.
    /// </summary>
    public int KeepWholeLines(Stream stream, long start, ReadOnlySpan<byte> chunk)
    {
        int kept;
        long length;
        try
        {
            length = stream.Length;
            kept = chunk[..(int)Math.Clamp(length - start, 0, chunk.Length)].LastIndexOf((byte)'\n') + 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            InternalLogger.Warn(ex, "MoniKit: the length of the log file {0} is unknown after a failed write", path);
            return 0;
        }

        try
        {
            if (start + kept != length)
            {
                stream.SetLength(start + kept);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            // The whole lines are in the file either way; the unfinished one is cut when the file is opened again.
            InternalLogger.Warn(ex, "MoniKit: cutting the log file {0} back to its last whole line failed", path);
        }

        return kept;
    }

    /// <summary>Cuts an unfinished last line off a file just opened; returns its length, with the stream at its end.</summary>
    public long RepairEnd(Stream stream)
    {
        var length = stream.Length;
        if (length == 0 || LastByte(stream, length) == '\n')
        {
            stream.Seek(0, SeekOrigin.End);
            return length;
        }

        var end = LastLineFeed(stream, length) + 1;
        InternalLogger.Warn("MoniKit: the log file {0} ended inside a line; cut back from {1} to {2} bytes", path, length, end);
        stream.SetLength(end);
        stream.Seek(0, SeekOrigin.End);
        return end;
    }

    private static int LastByte(Stream stream, long length)
    {
        stream.Seek(length - 1, SeekOrigin.Begin);
        return stream.ReadByte();
    }

    private static long LastLineFeed(Stream stream, long length)
    {
        var buffer = new byte[ScanChunk];
        for (var end = length; end > 0;)
        {
            var start = Math.Max(0, end - ScanChunk);
            var size = (int)(end - start);
            stream.Seek(start, SeekOrigin.Begin);
            stream.ReadExactly(buffer, 0, size);
            var found = buffer.AsSpan(0, size).LastIndexOf((byte)'\n');
            if (found >= 0)
            {
                return start + found;
            }

            end = start;
        }

        return -1;
    }
}
