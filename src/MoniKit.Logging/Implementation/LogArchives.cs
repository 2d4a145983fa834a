using System.Buffers;
using System.Globalization;
using NLog.Common;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// The archives of one log file: <c>name_01.json</c>, <c>name_02.json</c>, ...; the numbers keep rising, so the
/// highest is the newest, and archives beyond the limit are deleted, oldest first, each counted with its lines in
/// <see cref="DeletedArchives"/>. <c>0</c> keeps every archive.
/// </summary>
internal sealed class LogArchives(ILogFileSystem fileSystem, string path, int maxArchiveFiles, DeletedArchives deleted)
{
    private const int ReadChunk = 64 * 1024;

    private readonly string _directory = Path.GetDirectoryName(path)!;
    private readonly string _prefix = Path.GetFileNameWithoutExtension(path) + "_";
    private readonly string _extension = Path.GetExtension(path);

    // The archive numbers on disk, oldest first. The folder is listed at the first roll only (it may hold thousands of
    // files); a failed rename forgets them, as another writer may have taken the number.
    private List<int>? _numbers;

    /// <summary>Renames the active file to the next archive and deletes the archives beyond the limit; returns the archive's path.</summary>
    /// <exception cref="IOException">The rename failed; nothing was deleted.</exception>
    public string Archive()
    {
        var numbers = _numbers ??= List();
        var next = numbers.Count == 0 ? 1 : numbers[^1] + 1;
        var archive = ArchivePath(next);
        var moved = false;
        try
        {
            fileSystem.Move(path, archive);
            moved = true;
        }
        finally
        {
            if (!moved)
            {
                _numbers = null;
            }
        }

        numbers.Add(next);
        var excess = maxArchiveFiles > 0 ? numbers.Count - maxArchiveFiles : 0;
        if (excess > 0)
        {
            // An archive that cannot be deleted now stays known and is tried again at the next roll.
            var kept = numbers.Take(excess).Where(n => !TryDelete(ArchivePath(n))).ToList();
            numbers.RemoveRange(0, excess);
            numbers.InsertRange(0, kept);
        }

        return archive;
    }

    private bool TryDelete(string archive)
    {
        long lines;
        try
        {
            lines = CountLines(archive);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Someone else removed it: not retention's to count.
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            InternalLogger.Warn(ex, "MoniKit: the log archive {0} could not be read; it is deleted without counting its lines", archive);
            lines = 0;
        }

        try
        {
            fileSystem.Delete(archive);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            InternalLogger.Warn(ex, "MoniKit: deleting the log archive {0} failed; it is tried again at the next roll", archive);
            return false;
        }

        deleted.Add(lines);
        return true;
    }

    // One sequential read of a file no larger than the size limit, once per roll: cheap beside writing it.
    private long CountLines(string archive)
    {
        using var stream = fileSystem.OpenRead(archive);
        var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk);
        try
        {
            long lines = 0;
            int read;
            while ((read = stream.Read(buffer, 0, ReadChunk)) > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }

            return lines;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private List<int> List()
    {
        var numbers = new List<int>();
        foreach (var file in fileSystem.EnumerateFiles(_directory))
        {
            var name = Path.GetFileName(file.AsSpan());
            if (name.Length > _prefix.Length + _extension.Length
                && name.StartsWith(_prefix, StringComparison.Ordinal)
                && name.EndsWith(_extension, StringComparison.Ordinal)
                && int.TryParse(name[_prefix.Length..^_extension.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                numbers.Add(number);
            }
        }

        numbers.Sort();
        return numbers;
    }

    private string ArchivePath(int number) =>
        Path.Combine(_directory, _prefix + number.ToString("00", CultureInfo.InvariantCulture) + _extension);
}
