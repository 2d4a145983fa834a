namespace MoniKit.TestInfrastructure;

/// <summary>How a program ended and what it printed.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
/// <param name="Output">Both streams, line by line in the order they arrived.</param>
/// <param name="Command">The command line, for failure messages.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, string Output, string Command)
{
    /// <summary>Throws, with the command and its output, unless the program exited with 0.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Command}' exited with {ExitCode}:\n{Output}");
        }

        return this;
    }
}
