using System.Globalization;
using System.Net;
using MoniKit.Testing;

namespace MoniKit.AspNetCore.Tests;

/// <summary>
/// A web application with the whole of <c>AddMoniKit()</c> on a real Kestrel bound to 127.0.0.1, its log lines
/// captured, for what only a real server shows: ports, interfaces, rejected requests and shutdown.
/// </summary>
internal sealed class KestrelApp : IAsyncDisposable
{
    private KestrelApp(WebApplication app, LogCapture capture, int port, int? managementPort)
    {
        App = app;
        Capture = capture;
        Port = port;
        ManagementPort = managementPort;
        Client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public LogCapture Capture { get; }

    public int Port { get; }

    public int? ManagementPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public Uri ManagementAddress => new($"http://127.0.0.1:{ManagementPort ?? Port}");

    public HttpClient Client { get; }

    /// <summary>Builds the application without starting it; the caller starts it and disposes it.</summary>
    public static KestrelApp Build(
        Action<WebApplication>? map = null,
        Dictionary<string, string?>? settings = null,
        bool managementPort = false,
        Action<WebApplicationBuilder>? configure = null)
    {
        var port = FreePort.Next();
        int? management = managementPort ? FreePort.Next() : null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:ServiceName"] = "orders.api",
            ["MoniKit:Logging:Directory"] = Path.Combine(Path.GetTempPath(), "monikit-aspnetcore-tests", Guid.NewGuid().ToString("N")),
            ["MoniKit:Logging:Console"] = "None",
            ["MoniKit:Management:Port"] = management?.ToString(CultureInfo.InvariantCulture),
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        var capture = builder.Services.AddMoniKitLogCapture();
        configure?.Invoke(builder);
        builder.AddMoniKit();
        var app = builder.Build();
        app.UseMoniKit();
        app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id }));
        app.MapGet("/demo/failure", string () => throw new InvalidOperationException("Demonstration failure"));
        map?.Invoke(app);
        return new KestrelApp(app, capture, port, management);
    }

    public static async Task<KestrelApp> StartAsync(
        Action<WebApplication>? map = null,
        Dictionary<string, string?>? settings = null,
        bool managementPort = false,
        Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(map, settings, managementPort, configure);
        await app.App.StartAsync();
        return app;
    }

    public Task<HttpResponseMessage> GetAsync(Uri address, string path) => Client.GetAsync(new Uri(address, path));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
