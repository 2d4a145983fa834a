namespace MoniKit.Logging.Tests;

/// <summary>A small tmpfs mounted for one test and unmounted when disposed; mounting needs root.</summary>
internal sealed class TmpfsMount : IDisposable
{
    private readonly string _path;

    private TmpfsMount(string path) => _path = path;

    /// <summary>Mounts a tmpfs of <paramref name="size"/> (such as <c>2m</c>) at <paramref name="path"/>, or says why not.</summary>
    public static TmpfsMount? TryMount(string path, string size, out string why)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            why = "this process is not root on Linux";
            return null;
        }

        Directory.CreateDirectory(path);
        var result = ProcessRunner.Run("mount", ["-t", "tmpfs", "-o", "size=" + size, "tmpfs", path]);
        why = result.ExitCode == 0 ? string.Empty : $"mount failed ({result.ExitCode}): {result.Output.Trim()}";
        return result.ExitCode == 0 ? new TmpfsMount(path) : null;
    }

    public void Dispose() => ProcessRunner.Run("umount", ["-l", _path]);
}
