using System.Diagnostics;

namespace MoniKit.Alerting.Slack.Tests;

/// <summary>A real ASP.NET Core service on loopback with MoniKit logging and alerts, in its own temporary folder.</summary>
public sealed class TestService : IAsyncDisposable
{
    public const string ServiceName = "orders-api";

    private TestService(WebApplication app, string root)
    {
        App = app;
        Root = root;
    }

    public WebApplication App { get; }

    public string Root { get; }

    public string LogDirectory => Path.Combine(Root, "logs");

    public HttpClient Client { get; private set; } = null!;

    public ILogger Logger(string category) => App.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    /// <summary>Builds (without starting) a service; throws what start-up validation throws.</summary>
    public static WebApplication Build(string root, IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:ServiceName"] = ServiceName,
            ["MoniKit:Logging:Directory"] = "logs",
            ["MoniKit:Logging:Console"] = "None",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.AddMoniKitLogging();
        builder.AddMoniKitSlackAlerts();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGet("/fail/{id:int}", (int id, ILogger<TestService> logger) =>
        {
#pragma warning disable CA2254 // Distinct templates on purpose: each request is its own alert group.
            logger.LogError(new InvalidOperationException("payment declined"), "Order " + id + " failed");
#pragma warning restore CA2254
            return Activity.Current?.TraceId.ToHexString() ?? string.Empty;
        });
        app.MapGet("/boom", string () => throw new InvalidOperationException("boom"));
        app.MapGet("/deep", (ILogger<TestService> logger) =>
        {
            // 5,000 characters that all need escaping in Slack, thrown 10 frames deep.
            var message = string.Concat(Enumerable.Repeat("<b>&</b> ", 600))[..5000];
            logger.LogError(SlackMessageFormatterLimitsTests.Deep(10, message), "Checkout of cart {Cart} failed", "<cart & co>");
            return Activity.Current?.TraceId.ToHexString() ?? string.Empty;
        });
        return app;
    }

    public static async Task<TestService> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var root = Directory.CreateTempSubdirectory("monikit-slack-").FullName;
        var app = Build(root, settings, services);
        await app.StartAsync();
        var address = app.Urls.First();
        return new TestService(app, root) { Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) } };
    }

    /// <summary>Stops the service, which flushes its log files.</summary>
    public async Task StopAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public string ReadLogs() =>
        string.Join('\n', Directory.EnumerateFiles(LogDirectory, "*", SearchOption.AllDirectories).Select(ReadShared));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await App.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    internal static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
