using System.Diagnostics;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>
/// A server program (Prometheus, Alertmanager) started by a test on a free loopback port, with a data folder of its
/// own; disposing kills it and deletes the folder.
/// </summary>
public sealed class BackgroundProgram : IAsyncDisposable
{
    private readonly BackgroundProcess _process;

    private BackgroundProgram(BackgroundProcess process, string name, int port, string dataDirectory)
    {
        _process = process;
        Name = name;
        Port = port;
        DataDirectory = dataDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public string DataDirectory { get; }

    /// <summary>What the program wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>Starts the program; <paramref name="arguments"/> receives the chosen port and the data folder.</summary>
    public static async Task<BackgroundProgram> StartAsync(string program, Func<int, string, IEnumerable<string>> arguments, string workingDirectory)
    {
        var name = Path.GetFileName(program);
        var port = FreePort.Next();
        var data = Path.Combine(Path.GetTempPath(), $"monikit-{name}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(data);
        var started = new BackgroundProgram(BackgroundProcess.Start(program, arguments(port, data), workingDirectory), name, port, data);
        await started.WaitUntilReadyAsync();
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill();
        await _process.DisposeAsync();
        Client.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written as the process died: the temp folder is cleaned up by the system.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"{Name} exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/-/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        await DisposeAsync();
        Assert.Fail($"{Name} was not ready on port {Port} within 60 s:\n{Output}");
    }
}
