using System.Diagnostics;

namespace MoniKit.Stack.Tests;

/// <summary>Runs the real programs the stack is checked with, and installs them where they are missing.</summary>
internal static class ToolRunner
{
    private static readonly object AptGate = new();
    private static bool aptUpdated;

    public static ToolResult Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within 10 minutes");
        }

        return new ToolResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    /// <summary>Returns the path of <paramref name="program"/>, installing the Debian package that holds it first when missing.</summary>
    public static string RequireDebianProgram(string program, string package)
    {
        var path = Path.Combine("/usr/bin", program);
        if (File.Exists(path))
        {
            return path;
        }

        lock (AptGate)
        {
            if (!File.Exists(path))
            {
                var install = Run("apt-get", ["install", "-y", "--no-install-recommends", package]);
                if (install.ExitCode != 0 && !aptUpdated)
                {
                    Run("apt-get", ["update"]).AssertSuccess("apt-get update");
                    aptUpdated = true;
                    install = Run("apt-get", ["install", "-y", "--no-install-recommends", package]);
                }

                install.AssertSuccess($"apt-get install {package}");
            }
        }

        Assert.IsTrue(File.Exists(path), $"{package} is installed but {path} is missing");
        return path;
    }
}
