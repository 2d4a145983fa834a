using Microsoft.AspNetCore.TestHost;
using MoniKit.Testing;

namespace MoniKit.AspNetCore.Tests;

/// <summary>A web application wired with MoniKit on the ASP.NET Core test server, its log lines captured.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, LogCapture capture, string logDirectory)
    {
        App = app;
        Capture = capture;
        LogDirectory = logDirectory;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public LogCapture Capture { get; }

    public HttpClient Client { get; }

    public string LogDirectory { get; }

    public static async Task<TestApp> StartAsync(Action<WebApplication> map, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var logDirectory = Path.Combine(Path.GetTempPath(), "monikit-aspnetcore-tests", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:ServiceName"] = "orders.api",
            ["MoniKit:Logging:Directory"] = logDirectory,
            ["MoniKit:Logging:Console"] = "None",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var capture = builder.Services.AddMoniKitLogCapture();
        configure?.Invoke(builder);
        builder.AddMoniKit();
        var app = builder.Build();
        app.UseMoniKit();
        map(app);
        await app.StartAsync();
        return new TestApp(app, capture, logDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
