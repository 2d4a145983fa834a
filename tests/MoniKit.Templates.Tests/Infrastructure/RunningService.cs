using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace MoniKit.Templates.Tests.Infrastructure;

/// <summary>A generated service running as its own process, as a user would start it.</summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private RunningService(Process process, GeneratedProject project, int port)
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

    /// <summary>Every line the service wrote to stdout so far.</summary>
    public IReadOnlyList<string> OutputLines => _stdout.ToArray();

    /// <summary>Every line the service wrote to stderr so far.</summary>
    public IReadOnlyList<string> ErrorLines => _stderr.ToArray();

    /// <summary>The service's log folder (relative paths resolve against the content root, its project folder).</summary>
    public string LogDirectory => Path.Combine(Project.ServiceDirectory, "logs");

    /// <summary>The service's process id.</summary>
    public int ProcessId => _process.Id;

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static async Task<RunningService> StartAsync(GeneratedProject project, IDictionary<string, string?>? environment, string readinessPath, int? port)
    {
        var chosen = port ?? FreePort();
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
        var info = ProcessRunner.CreateStartInfo("dotnet", [dll], project.ServiceDirectory, env);
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var service = new RunningService(process, project, chosen);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { service._stdout.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { service._stderr.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync(readinessPath);
        return service;
    }

    /// <summary>Stops the service gracefully (SIGTERM), as a container runtime would, and waits for it to exit.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        await ProcessRunner.RunAsync("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Project.Directory);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>Kills the service at once, as a crash would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        _process.Dispose();
    }

    private string Output() => string.Join('\n', _stdout.Concat(_stderr));

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
