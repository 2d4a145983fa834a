namespace MoniKit.Logging.Implementation;

/// <summary>What <see cref="RollingFile"/> needs of a file system; tests give it one in memory that can fill up.</summary>
internal interface ILogFileSystem
{
    /// <summary>Opens or creates a file for reading and writing, positioned at its end, shared with readers and renamers.</summary>
    Stream Open(string path);

    /// <summary>Opens an existing file for reading only, shared with writers and deleters.</summary>
    Stream OpenRead(string path);

    void CreateDirectory(string path);

    void Move(string source, string destination);

    void Delete(string path);

    /// <summary>The full paths of the files in a folder.</summary>
    IEnumerable<string> EnumerateFiles(string directory);
}
