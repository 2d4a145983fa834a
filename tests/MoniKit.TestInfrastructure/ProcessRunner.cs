using System.Diagnostics;
using System.Text;

namespace MoniKit.TestInfrastructure;

/// <summary>Runs programs for tests: to completion, with their output captured, never waiting on standard input.</summary>
public static class ProcessRunner
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    // Variables a test host or a developer's shell may set that would leak into the builds of generated projects.
    private static readonly string[] LeakingVariables =
    [
        "ArtifactsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "VSTEST_HOST_DEBUG", "VSTEST_RUNNER_DEBUG", "DOTNET_HOST_PATH", "VersionSuffix", "Configuration",
    ];

    /// <summary>
    /// The start info every test process gets: redirected streams, no variables that leak a test host's build into
    /// a child build, no telemetry or first-run output, and apt that never asks.
    /// </summary>
    public static ProcessStartInfo CreateStartInfo(
        string fileName, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in LeakingVariables)
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["MSBUILDTERMINALLOGGER"] = "off";
        info.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Runs a program to completion; a program still running after <paramref name="timeout"/> is killed and reported.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, each passed as one argument.</param>
    /// <param name="workingDirectory">Its working folder; the current one by default.</param>
    /// <param name="environment">Variables to set (a <see langword="null"/> value removes one).</param>
    /// <param name="timeout">How long it may run; 10 minutes by default.</param>
    /// <param name="input">What to write to its standard input before closing it.</param>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? input = null)
    {
        var info = CreateStartInfo(fileName, arguments, workingDirectory, environment);
        var command = $"{fileName} {string.Join(' ', info.ArgumentList)}";
        StringBuilder stdout = new(), stderr = new(), both = new();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data, stdout);
        process.ErrorDataReceived += (_, e) => Append(e.Data, stderr);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (both)
            {
                throw new TimeoutException($"'{command}' did not finish in time. Output:\n{both}");
            }
        }

        // The parameterless wait also waits for the last output lines.
        process.WaitForExit();
        lock (both)
        {
            return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString(), both.ToString(), command);
        }

        void Append(string? line, StringBuilder stream)
        {
            if (line is null)
            {
                return;
            }

            lock (both)
            {
                stream.AppendLine(line);
                both.AppendLine(line);
            }
        }
    }

    /// <summary>Runs a program to completion and throws unless it exited with 0.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? input = null) =>
        (await RunAsync(fileName, arguments, workingDirectory, environment, timeout, input)).EnsureSuccess();

    /// <summary>
    /// <see cref="RunAsync"/> for synchronous callers, such as tests that check files with a command-line tool.
    /// </summary>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null,
        string? input = null) =>
        RunAsync(fileName, arguments, workingDirectory, environment, timeout, input).GetAwaiter().GetResult();
}
