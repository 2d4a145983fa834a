using System.Globalization;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// The archives of one log file: <c>name_01.json</c>, <c>name_02.json</c>, ...; the numbers keep rising, so the
/// highest is the newest, and archives beyond the limit are deleted, oldest first. <c>0</c> keeps every archive.
/// </summary>
internal sealed class LogArchives(ILogFileSystem fileSystem, string path, int maxArchiveFiles)
{
    private readonly string _directory = Path.GetDirectoryName(path)!;
    private readonly string _prefix = Path.GetFileNameWithoutExtension(path) + "_";
    private readonly string _extension = Path.GetExtension(path);

    /// <summary>Renames the active file to the next archive and deletes the archives beyond the limit; returns the archive's path.</summary>
    public string Archive()
    {
        var numbers = Numbers();
        var next = numbers.Count == 0 ? 1 : numbers[^1] + 1;
        var archive = ArchivePath(next);
        fileSystem.Move(path, archive);
        numbers.Add(next);
        for (var i = 0; maxArchiveFiles > 0 && i < numbers.Count - maxArchiveFiles; i++)
        {
            fileSystem.Delete(ArchivePath(numbers[i]));
        }

        return archive;
    }

    private List<int> Numbers()
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
