using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using MoniKit.Testing;
using OpenTelemetry.Trace;

namespace MoniKit.Tracing.Tests;

/// <summary>
/// A web application wired with MoniKit on the test server, with an order endpoint, an endpoint that calls out over
/// HttpClient and one that runs a SQLite command; its log lines are captured. With a receiver, the standard variables
/// point the OTLP exporter at it.
/// </summary>
internal sealed class TracedWebApp : IAsyncDisposable
{
    public const string ParameterValue = "hunter2-parameter";

    private readonly string _logDirectory;

    private TracedWebApp(WebApplication app, LogCapture capture, string logDirectory)
    {
        App = app;
        Capture = capture;
        _logDirectory = logDirectory;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public LogCapture Capture { get; }

    public HttpClient Client { get; }

    public static Dictionary<string, string?> ExportTo(OtlpReceiver receiver) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
    };

    public static WebApplicationBuilder CreateBuilder(IDictionary<string, string?>? settings, string logDirectory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:ServiceName"] = "orders",
            ["MoniKit:ServiceVersion"] = "2.3.4",
            ["MoniKit:Logging:Directory"] = logDirectory,
            ["MoniKit:Logging:Console"] = "None",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        return builder;
    }

    public static async Task<TracedWebApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var logDirectory = Path.Combine(Path.GetTempPath(), "monikit-tracing-tests", Guid.NewGuid().ToString("N"));
        var builder = CreateBuilder(settings, logDirectory);
        var capture = builder.Services.AddMoniKitLogCapture();
        // Named so that MoniKit.Hosting's generic AddMoniKit, also referenced here, is not the one chosen.
        builder.AddMoniKit(configure: null);
        builder.AddMoniKitDbConnection(_ => new SqliteConnection("Data Source=:memory:"));
        var app = builder.Build();
        app.UseMoniKit();
        app.MapGet("/orders/{id:int}", (int id) => Results.Ok(new { id }));
        app.MapGet("/outbound", async (IHttpClientFactory factory, string target) =>
        {
            using var client = factory.CreateClient("inventory");
            using var response = await client.GetAsync(new Uri(target + "/stock?api_key=abc123"));
            return Results.Ok((int)response.StatusCode);
        });
        app.MapGet("/tables", async (DbConnection connection) =>
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = @name";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = ParameterValue;
            command.Parameters.Add(parameter);
            return Results.Ok(await command.ExecuteScalarAsync());
        });
        await app.StartAsync();
        return new TracedWebApp(app, capture, logDirectory);
    }

    /// <summary>Sends <c>GET path</c> with a <c>traceparent</c> when one is given; returns the status code.</summary>
    public async Task<int> GetAsync(string path, string? traceparent = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (traceparent is not null)
        {
            request.Headers.Add("traceparent", traceparent);
        }

        using var response = await Client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>Exports what the tracer holds now, so a test need not wait for the batch delay.</summary>
    public void Flush() => Assert.IsTrue(App.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "the tracer did not flush");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_logDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
