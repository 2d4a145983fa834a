using System.Text;
using MoniKit.Logging.Implementation;

namespace MoniKit.Logging.Tests;

/// <summary>
/// A disk in memory for <see cref="RollingFile"/>: it can fill up part-way through a write (<see cref="Capacity"/>),
/// refuse to open files or to cut one back, and counts what was tried. Safe to share between the writers' threads; a
/// test waits for lines with <see cref="WaitForLines"/>.
/// </summary>
internal sealed class MemoryLogFileSystem : ILogFileSystem
{
    private readonly Dictionary<string, MemoryStream> _files = new(StringComparer.Ordinal);

    /// <summary>Held for every change; pulsed after each write.</summary>
    public object Gate { get; } = new();

    /// <summary>The bytes all files may hold together; a write beyond it stores what fits, then fails.</summary>
    public long Capacity { get; set; } = long.MaxValue;

    /// <summary>When set, opening a file throws it.</summary>
    public Exception? OpenFailure { get; set; }

    /// <summary>When set, renaming a file throws it.</summary>
    public Exception? MoveFailure { get; set; }

    /// <summary>When set, deleting a file throws it.</summary>
    public Exception? DeleteFailure { get; set; }

    /// <summary>When set, a file cannot be cut shorter.</summary>
    public bool RefuseCutBack { get; set; }

    public int Opens { get; private set; }

    /// <summary>The size of every write the files were given, in order (read it under <see cref="Gate"/>).</summary>
    public List<int> WriteSizes { get; } = [];

    /// <summary>How often a folder was listed.</summary>
    public int Listings { get; private set; }

    public long Used
    {
        get
        {
            lock (Gate)
            {
                return _files.Values.Sum(f => f.Length);
            }
        }
    }

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (Gate)
            {
                return [.. _files.Keys.Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(n => n!)];
            }
        }
    }

    public string Text(string name)
    {
        lock (Gate)
        {
            return _files.Keys.SingleOrDefault(k => Path.GetFileName(k) == name) is { } key
                ? Encoding.UTF8.GetString(_files[key].ToArray())
                : string.Empty;
        }
    }

    public string[] Lines(string name) => Text(name).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Waits until the file has at least <paramref name="count"/> lines; false when the timeout passed first.</summary>
    public bool WaitForLines(string name, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (Gate)
        {
            while (Lines(name).Length < count)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(Gate, left);
            }

            return true;
        }
    }

    public void Put(string path, string text)
    {
        var file = new MemoryStream();
        file.Write(Encoding.UTF8.GetBytes(text));
        lock (Gate)
        {
            _files[path] = file;
        }
    }

    public Stream Open(string path)
    {
        lock (Gate)
        {
            Opens++;
            if (OpenFailure is { } failure)
            {
                throw failure;
            }

            if (!_files.TryGetValue(path, out var file))
            {
                _files[path] = file = new MemoryStream();
            }

            return new MemoryLogStream(this, file);
        }
    }

    public void CreateDirectory(string path)
    {
    }

    public void Move(string source, string destination)
    {
        lock (Gate)
        {
            if (MoveFailure is { } failure)
            {
                throw failure;
            }

            if (_files.ContainsKey(destination))
            {
                // As File.Move does: an existing destination is never overwritten.
                throw new IOException("The file '" + destination + "' already exists.");
            }

            if (!_files.Remove(source, out var file))
            {
                throw new FileNotFoundException("no such file", source);
            }

            _files.Add(destination, file);
        }
    }

    public void Delete(string path)
    {
        lock (Gate)
        {
            if (DeleteFailure is { } failure)
            {
                throw failure;
            }

            _files.Remove(path);
        }
    }

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        lock (Gate)
        {
            Listings++;
            return [.. _files.Keys.Where(k => string.Equals(Path.GetDirectoryName(k), directory, StringComparison.Ordinal))];
        }
    }

    public Stream OpenRead(string path)
    {
        lock (Gate)
        {
            return _files.TryGetValue(path, out var file)
                ? new MemoryStream(file.ToArray(), writable: false)
                : throw new FileNotFoundException("no such file", path);
        }
    }
}
