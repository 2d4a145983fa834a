using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoniKit.Testing;

namespace MoniKit.Hosting.Tests;

/// <summary>A real generic-host worker with <c>AddMoniKit()</c> on a free loopback management port.</summary>
public sealed class WorkerHost : IAsyncDisposable
{
    private readonly string _directory;

    private WorkerHost(IHost host, LogCapture capture, int port, string directory)
    {
        Host = host;
        Capture = capture;
        Port = port;
        _directory = directory;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public IHost Host { get; }

    public LogCapture Capture { get; }

    public int Port { get; }

    public HttpClient Client { get; }

    public static HostApplicationBuilder CreateBuilder(int port, Dictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "monikit-hosting-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Production",
            ContentRootPath = directory,
            ApplicationName = "billing",
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:Management:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["MoniKit:Management:Host"] = "127.0.0.1",
            ["MoniKit:Logging:Directory"] = Path.Combine(directory, "logs"),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        return builder;
    }

    public static async Task<WorkerHost> StartAsync(Action<HostApplicationBuilder>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var builder = CreateBuilder(port, settings);
        builder.AddMoniKit();
        var capture = builder.Services.AddMoniKitLogCapture();
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new WorkerHost(host, capture, port, builder.Environment.ContentRootPath);
    }

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode, path);
        return await response.Content.ReadAsStringAsync();
    }

    public Task<JsonElement> WaitForListeningLineAsync() => Capture.WaitForMessageAsync("Management endpoints listening");

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Client.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
