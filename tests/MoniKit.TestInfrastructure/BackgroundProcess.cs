using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace MoniKit.TestInfrastructure;

/// <summary>
/// A program a test keeps running while it probes it (a generated service, Prometheus, Alertmanager): its output is
/// collected line by line, it is stopped the way a container runtime stops it (SIGTERM, then a kill once the grace
/// period is over), and disposing it never leaves it behind.
/// </summary>
public sealed class BackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly ConcurrentQueue<string> _both = new();

    private BackgroundProcess(Process process) => _process = process;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The lines written to standard output so far.</summary>
    public IReadOnlyList<string> OutputLines => [.. _stdout];

    /// <summary>The lines written to standard error so far.</summary>
    public IReadOnlyList<string> ErrorLines => [.. _stderr];

    /// <summary>Both streams so far, in arrival order, for failure messages.</summary>
    public string Output => string.Join('\n', _both);

    /// <summary>Starts a program; see <see cref="ProcessRunner.CreateStartInfo"/> for the environment it gets.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments, each passed as one argument.</param>
    /// <param name="workingDirectory">Its working folder; the current one by default.</param>
    /// <param name="environment">Variables to set (a <see langword="null"/> value removes one).</param>
    /// <param name="closeInput">Closes standard input at once, as for a service nobody types into.</param>
    public static BackgroundProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IDictionary<string, string?>? environment = null,
        bool closeInput = true)
    {
        var info = ProcessRunner.CreateStartInfo(fileName, arguments, workingDirectory, environment);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = new BackgroundProcess(process);
        process.OutputDataReceived += (_, e) => started.Collect(e.Data, started._stdout);
        process.ErrorDataReceived += (_, e) => started.Collect(e.Data, started._stderr);
        process.Start();
        if (closeInput)
        {
            process.StandardInput.Close();
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Sends a POSIX signal (<c>TERM</c>, <c>INT</c>, <c>KILL</c>, ...) to the process.</summary>
    public async Task SignalAsync(string signal)
    {
        if (!_process.HasExited)
        {
            await ProcessRunner.RunAsync("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
        }
    }

    /// <summary>
    /// Sends SIGTERM and waits for the process to exit; after <paramref name="grace"/> (30 s by default) it is killed.
    /// Returns whether it exited on its own.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan? grace = null)
    {
        if (_process.HasExited)
        {
            return true;
        }

        await SignalAsync("TERM");
        return await WaitForExitAsync(grace ?? TimeSpan.FromSeconds(30)) || KillAndReport();

        bool KillAndReport()
        {
            Kill();
            return false;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to exit; returns whether it did.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        // The parameterless wait also waits for the last output lines.
        _process.WaitForExit();
        return true;
    }

    /// <summary>Kills the process and its children at once, as a crash or <c>kill -9</c> would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Stops the process (SIGTERM, then a kill) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private void Collect(string? line, ConcurrentQueue<string> stream)
    {
        if (line is not null)
        {
            stream.Enqueue(line);
            _both.Enqueue(line);
        }
    }
}
