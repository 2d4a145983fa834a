namespace MoniKit.Logging.Implementation;

/// <summary>The real file system.</summary>
internal sealed class PhysicalLogFileSystem : ILogFileSystem
{
    public static PhysicalLogFileSystem Instance { get; } = new();

    public Stream Open(string path)
    {
        // Not FileMode.Append: a file opened that way cannot be cut back to its last whole line after a short write.
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }

    public Stream OpenRead(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public void Move(string source, string destination) => File.Move(source, destination);

    public void Delete(string path) => File.Delete(path);

    public IEnumerable<string> EnumerateFiles(string directory) => Directory.EnumerateFiles(directory);
}
