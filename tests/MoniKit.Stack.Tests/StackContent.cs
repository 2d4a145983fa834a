namespace MoniKit.Stack.Tests;

/// <summary>Where the stack's source files are, and copies of them rendered as each template would.</summary>
internal static class StackContent
{
    public static string RepositoryRoot => Repository.Root;

    /// <summary>content/stack: the files as committed, which are the webapi variant.</summary>
    public static string Stack => Path.Combine(RepositoryRoot, "content", "stack");

    public static string Monitoring => Path.Combine(Stack, "monitoring");

    public static string Prometheus => Path.Combine(Monitoring, "prometheus");

    /// <summary>A fresh temporary folder that the caller deletes.</summary>
    public static string NewTemporaryDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"monikit-stack-{prefix}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static void CopyDirectory(string source, string destination)
    {
        foreach (var directory in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, directory)));
        }

        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)), overwrite: true);
        }
    }
}
