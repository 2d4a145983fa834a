namespace MoniKit.Logging.Implementation;

/// <summary>
/// What retention (<c>MaxArchiveFiles</c>) deleted from one log file's archives: how many archives and how many lines
/// they held. The lines are not lost by the writer (they were written), but they are no longer on disk, so a count
/// of the folder's lines against the requests can tell the two apart.
/// </summary>
internal sealed class DeletedArchives
{
    private long _files;
    private long _lines;

    public long Files => Interlocked.Read(ref _files);

    public long Lines => Interlocked.Read(ref _lines);

    public void Add(long lines)
    {
        Interlocked.Add(ref _lines, lines);
        Interlocked.Increment(ref _files);
    }
}
