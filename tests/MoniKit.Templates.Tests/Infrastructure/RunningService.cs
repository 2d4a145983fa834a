using System.Diagnostics;

namespace MoniKit.Templates.Tests.Infrastructure;

/// <summary>A generated service running as its own process, as a user would start it.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly BackgroundProcess _process;

    private RunningService(BackgroundProcess process, GeneratedProject project, int port)
    {
        _process = process;
        Project = project;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public GeneratedProject Project { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Every line the service wrote to stdout so far.</summary>
    public IReadOnlyList<string> OutputLines => _process.OutputLines;

    /// <summary>Every line the service wrote to stderr so far.</summary>
    public IReadOnlyList<string> ErrorLines => _process.ErrorLines;

    /// <summary>The service's log folder (relative paths resolve against the content root, its project folder).</summary>
    public string LogDirectory => Path.Combine(Project.ServiceDirectory, "logs");

    /// <summary>The service's process id.</summary>
    public int ProcessId => _process.Id;

    internal static async Task<RunningService> StartAsync(GeneratedProject project, IDictionary<string, string?>? environment, string readinessPath, int? port)
    {
        var chosen = port ?? FreePort.Next();
        var dll = Path.Combine(project.ServiceDirectory, "bin", "Release", "net10.0", project.Name + ".dll");
        Assert.IsTrue(File.Exists(dll), $"{dll} was not built");
        var env = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{chosen}",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        // Run from the project folder, as 'dotnet run' does: it is the content root, where appsettings.json is read
        // and relative paths such as logs/ resolve.
        var service = new RunningService(BackgroundProcess.Start("dotnet", [dll], project.ServiceDirectory, env, closeInput: false), project, chosen);
        await service.WaitUntilReadyAsync(readinessPath);
        return service;
    }

    /// <summary>Stops the service gracefully (SIGTERM), as a container runtime would, and waits for it to exit.</summary>
    public Task StopAsync() => _process.StopAsync();

    /// <summary>Kills the service at once, as a crash would.</summary>
    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Client.Dispose();
    }

    private string Output() => _process.Output;

    private async Task WaitUntilReadyAsync(string readinessPath)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The service exited with {_process.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                using var response = await Client.GetAsync(readinessPath);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        Kill();
        Assert.Fail($"The service did not answer {readinessPath} within 60 s:\n{Output()}");
    }
}
