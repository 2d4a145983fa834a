using System.Globalization;
using System.Runtime.CompilerServices;
using NLog.Common;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// One log file written by the log writer thread only. When a line would take the file beyond its size limit, the
/// file is renamed to the next archive (<c>name_01.json</c>, <c>name_02.json</c>, ...; the numbers keep rising) and
/// archives beyond the limit are deleted, oldest first; a tailing log shipper follows the name. A file that cannot be
/// written (disk full, permissions) never throws to the service: its lines are counted as dropped and opening is
/// retried a second later.
/// </summary>
internal sealed class RollingFile(string path, long archiveAboveBytes, int maxArchiveFiles, StrongBox<long> dropped) : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly string _directory = System.IO.Path.GetDirectoryName(path)!;
    private readonly string _stem = System.IO.Path.GetFileNameWithoutExtension(path);
    private readonly string _extension = System.IO.Path.GetExtension(path);
    private byte[] _pending = new byte[64 * 1024];
    private int _pendingBytes;
    private int _pendingLines;
    private FileStream? _stream;
    private long _length;
    private long _retryAt;
    private long _rollRetryAt;
    private bool _failureReported;

    public string Path { get; } = path;

    /// <summary>
    /// Buffers one line (its bytes end with a line feed); the file is rolled first when the line would take it beyond
    /// its size limit. Lines reach the file at <see cref="Flush"/>, or when the buffer is full.
    /// </summary>
    public void Write(ReadOnlySpan<byte> line)
    {
        if (_stream is null)
        {
            // Opening learns the size of a file that already exists, which the limit counts.
            TryOpen();
        }

        if (_length + _pendingBytes > 0 && _length + _pendingBytes + line.Length > archiveAboveBytes
            && Environment.TickCount64 >= _rollRetryAt)
        {
            Flush();
            TryRoll();
        }

        if (_pendingBytes + line.Length > _pending.Length)
        {
            Flush();
            if (line.Length > _pending.Length)
            {
                Array.Resize(ref _pending, line.Length);
            }
        }

        line.CopyTo(_pending.AsSpan(_pendingBytes));
        _pendingBytes += line.Length;
        _pendingLines++;
    }

    /// <summary>Counts a line that never reached this file.</summary>
    public void CountDropped() => Interlocked.Increment(ref dropped.Value);

    /// <summary>Writes the buffered lines to the file; lines that cannot be written are counted as dropped.</summary>
    public void Flush()
    {
        if (_pendingLines == 0)
        {
            return;
        }

        if (TryOpen())
        {
            try
            {
                _stream!.Write(_pending, 0, _pendingBytes);
                _length += _pendingBytes;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Interlocked.Add(ref dropped.Value, _pendingLines);
                Fail(ex);
            }
        }
        else
        {
            Interlocked.Add(ref dropped.Value, _pendingLines);
        }

        _pendingBytes = 0;
        _pendingLines = 0;
    }

    public void Dispose()
    {
        Flush();
        Close();
    }

    private bool TryOpen()
    {
        if (_stream is not null)
        {
            return true;
        }

        if (Environment.TickCount64 < _retryAt)
        {
            return false;
        }

        try
        {
            Directory.CreateDirectory(_directory);
            _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
            _length = _stream.Length;
            if (_failureReported)
            {
                _failureReported = false;
                Console.Error.WriteLine($"MoniKit: writing the log file {Path} again.");
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(ex);
            return false;
        }
    }

    private void TryRoll()
    {
        Close();
        try
        {
            var archives = ArchiveNumbers();
            var next = archives.Count == 0 ? 1 : archives[^1] + 1;
            File.Move(Path, ArchivePath(next));
            _length = 0;
            archives.Add(next);
            // MaxArchiveFiles 0 keeps every archive.
            for (var i = 0; maxArchiveFiles > 0 && i < archives.Count - maxArchiveFiles; i++)
            {
                File.Delete(ArchivePath(archives[i]));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The active file keeps growing rather than losing lines; archiving is tried again a second later.
            _rollRetryAt = Environment.TickCount64 + (long)RetryDelay.TotalMilliseconds;
            InternalLogger.Warn(ex, "MoniKit: archiving the log file {0} failed", Path);
        }

        TryOpen();
    }

    private List<int> ArchiveNumbers()
    {
        var numbers = new List<int>();
        var prefix = _stem + "_";
        foreach (var file in Directory.EnumerateFiles(_directory, prefix + "*" + _extension))
        {
            var name = System.IO.Path.GetFileName(file.AsSpan());
            var digits = name[prefix.Length..^_extension.Length];
            if (digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                numbers.Add(number);
            }
        }

        numbers.Sort();
        return numbers;
    }

    private string ArchivePath(int number) =>
        System.IO.Path.Combine(_directory, _stem + "_" + number.ToString("00", CultureInfo.InvariantCulture) + _extension);

    private void Fail(Exception ex)
    {
        Close();
        _retryAt = Environment.TickCount64 + (long)RetryDelay.TotalMilliseconds;
        InternalLogger.Error(ex, "MoniKit: cannot write the log file {0}", Path);
        if (!_failureReported)
        {
            // Once per outage, on standard error: the service keeps running and counts what it drops.
            _failureReported = true;
            Console.Error.WriteLine(
                $"MoniKit: cannot write the log file {Path} ({ex.Message}); its lines are dropped and counted in monikit_log_events_dropped_total until it can be written again.");
        }
    }

    private void Close()
    {
        var stream = _stream;
        _stream = null;
        try
        {
            stream?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            InternalLogger.Warn(ex, "MoniKit: closing the log file {0} failed", Path);
        }
    }
}
