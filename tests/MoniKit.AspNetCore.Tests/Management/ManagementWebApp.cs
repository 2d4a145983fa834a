using System.Collections.Concurrent;
using System.Net;
using MoniKit.AspNetCore.Management;

namespace MoniKit.AspNetCore.Tests.Management;

/// <summary>
/// A real Kestrel application on 127.0.0.1 with MoniKit metrics, the management endpoints and an
/// <c>/orders/{id}</c> route, without the rest of MoniKit, so these tests exercise the management slice alone.
/// </summary>
internal sealed class ManagementWebApp : IAsyncDisposable
{
    private ManagementWebApp(WebApplication app, int port, int? managementPort)
    {
        App = app;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        ManagementAddress = new Uri($"http://127.0.0.1:{managementPort ?? port}");
        Client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, MaxConnectionsPerServer = 16 });
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public Uri ManagementAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Whether each finished request was a management request, by path.</summary>
    public ConcurrentQueue<(string Path, bool Management)> Seen { get; } = new();

    public static async Task<ManagementWebApp> StartAsync(Dictionary<string, string?>? settings = null, bool managementPort = false)
    {
        var port = FreePort.Next();
        int? management = managementPort ? FreePort.Next() : null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = "Orders.Api" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        if (management is { } m)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MoniKit:Management:Port"] = m.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["MoniKit:Management:Host"] = "127.0.0.1",
            });
        }

        builder.AddMoniKitMetrics();
        builder.AddMoniKitManagementPort();
        var app = builder.Build();
        var result = new ManagementWebApp(app, port, management);
        app.Use(async (context, next) =>
        {
            await next(context);
            result.Seen.Enqueue((context.Request.Path.Value!, ManagementEndpointMetadata.IsManagementRequest(context)));
        });
        app.MapGet("/orders/{id}", (string id) => Results.Text("order " + id));
        app.MapMoniKitManagementEndpoints();
        await app.StartAsync();
        return result;
    }

    public Task<HttpResponseMessage> GetAsync(string path, Uri? address = null) => Client.GetAsync(new Uri(address ?? ManagementAddress, path));

    public async Task<string> MetricsAsync()
    {
        using var response = await GetAsync("/metrics");
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
