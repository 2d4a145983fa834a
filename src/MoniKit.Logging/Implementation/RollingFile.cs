using System.Runtime.CompilerServices;
using NLog.Common;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// One log file, written by its destination's writer thread only. Before a line would take the file beyond its size
/// limit, the file is archived (<see cref="LogArchives"/>, which counts what retention deletes); a tailing log shipper
/// follows the name. A file that cannot be written (disk full, permissions) never throws to the service: its lines are
/// dropped and counted, writing is retried a second later, and the outage is reported once on standard error, then
/// once more with the count of lost lines when writing works again. A write cut short by a full disk is cut back to
/// its last whole line, so every line in the file stays one JSON object.
/// </summary>
internal sealed class RollingFile(
    string path,
    long archiveAboveBytes,
    int maxArchiveFiles,
    StrongBox<long> dropped,
    DeletedArchives deleted,
    ILogFileSystem fileSystem,
    TimeProvider time,
    Action<string> report) : IDisposable
{
    /// <summary>How long after a failure writing (or archiving) is tried again.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly LogArchives _archives = new(fileSystem, path, maxArchiveFiles, deleted);
    private readonly LineCutter _cutter = new(path);
    private Stream? _stream;
    private long _length;
    private long _retryAt;
    private long _rollRetryAt;
    private bool _outage;
    private long _outageDropped;

    public string Path { get; } = path;

    /// <summary>The counter of this file's lost lines.</summary>
    public StrongBox<long> Dropped { get; } = dropped;

    /// <summary>
    /// Writes whole lines (each ends with a line feed), archiving the file first wherever the next line would take it
    /// beyond its limit. Lines that cannot be written are counted as dropped.
    /// </summary>
    public void Write(ReadOnlySpan<byte> lines)
    {
        while (!lines.IsEmpty)
        {
            if (!TryOpen())
            {
                Drop(lines);
                return;
            }

            var chunk = lines;
            var rollAfter = false;
            if (_length + lines.Length > archiveAboveBytes && time.GetTimestamp() >= _rollRetryAt)
            {
                // The whole lines that still fit; a single line longer than the limit goes alone into a fresh file.
                var room = (int)Math.Clamp(archiveAboveBytes - _length, 0, lines.Length);
                var fit = lines[..room].LastIndexOf((byte)'\n') + 1;
                if (fit == 0 && _length == 0)
                {
                    fit = lines.IndexOf((byte)'\n') + 1;
                }

                if (fit == 0)
                {
                    Roll();
                    continue;
                }

                chunk = lines[..fit];
                rollAfter = fit < lines.Length;
            }

            if (!TryWrite(chunk))
            {
                Drop(lines[chunk.Length..]);
                return;
            }

            lines = lines[chunk.Length..];
            if (rollAfter)
            {
                Roll();
            }
        }
    }

    public void Dispose() => Close();

    private bool TryWrite(ReadOnlySpan<byte> chunk)
    {
        try
        {
            _stream!.Write(chunk);
            _length += chunk.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // Whatever part of the chunk reached the disk stays only up to its last whole line.
            var kept = _cutter.KeepWholeLines(_stream!, _length, chunk);
            _length += kept;
            Fail(ex);
            Drop(chunk[kept..]);
            return false;
        }

        if (_outage)
        {
            _outage = false;
            report($"MoniKit: writing the log file {Shown(Path)} again; {_outageDropped} lines were dropped while it could not be written (counted in monikit_log_events_dropped_total).");
            _outageDropped = 0;
        }

        return true;
    }

    private bool TryOpen()
    {
        if (_stream is not null)
        {
            return true;
        }

        if (time.GetTimestamp() < _retryAt)
        {
            return false;
        }

        try
        {
            fileSystem.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            _stream = fileSystem.Open(Path);

            // A line cut short earlier (a crash, or a full disk that did not allow cutting it back) is removed first;
            // the size limit counts what the file already holds.
            _length = _cutter.RepairEnd(_stream);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Fail(ex);
            return false;
        }
    }

    private void Roll()
    {
        Close();
        try
        {
            _archives.Archive();
            _length = 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The active file keeps growing rather than losing lines; archiving is tried again a second later.
            _rollRetryAt = time.GetTimestamp() + Ticks(RetryDelay);
            InternalLogger.Warn(ex, "MoniKit: archiving the log file {0} failed", Path);
        }
    }

    private void Fail(Exception ex)
    {
        Close();
        _retryAt = time.GetTimestamp() + Ticks(RetryDelay);
        InternalLogger.Error(ex, "MoniKit: cannot write the log file {0}", Path);
        if (!_outage)
        {
            // Once per outage: it ends only when a write succeeds again, not when the file merely opens.
            _outage = true;
            report($"MoniKit: cannot write the log file {Shown(Path)} ({Shown(ex.Message)}); its lines are dropped and counted in monikit_log_events_dropped_total until it can be written again.");
        }
    }

    private void Drop(ReadOnlySpan<byte> lines)
    {
        var count = lines.Count((byte)'\n');
        Interlocked.Add(ref Dropped.Value, count);
        if (_outage)
        {
            _outageDropped += count;
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

    private long Ticks(TimeSpan delay) => (long)(delay.TotalSeconds * time.TimestampFrequency);

    private static string Shown(string text) => SafeText.EscapeControlCharacters(text);
}
