using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Benchmarks;

/// <summary>
/// What tracing costs one <c>GET /orders/42</c> of the MoniKit host of <see cref="RequestPipelineBenchmarks"/>, by
/// <see cref="Export"/>. The exporter points at a closed loopback port, so its background sends fail at once and
/// only the per-request cost is measured.
/// </summary>
[MemoryDiagnoser]
public class TracingBenchmarks : IDisposable
{
    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "monikit-benchmarks", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private HttpClient _client = null!;

    /// <summary>
    /// <c>off</c>: no OTLP variable; <c>sampled</c>: an endpoint, the default sampler; <c>always_off</c>: an endpoint
    /// and <c>OTEL_TRACES_SAMPLER=always_off</c>. One host per process: ActivitySource listeners are process-wide, so
    /// a tracer of one host would also record the requests of another.
    /// </summary>
    [Params("off", "sampled", "always_off")]
    public string Export { get; set; } = "off";

    [GlobalSetup]
    public void Setup()
    {
        var tracing = new Dictionary<string, string?>();
        if (Export != "off")
        {
            tracing["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        }

        if (Export == "always_off")
        {
            tracing["OTEL_TRACES_SAMPLER"] = "always_off";
        }

        _client = Start(tracing);
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark]
    public Task<int> Request() => RequestPipelineBenchmarks.GetAsync(_client);

    public void Dispose()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            _app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)_app).Dispose();
            _app = null;
        }

        if (Directory.Exists(_logDirectory))
        {
            Directory.Delete(_logDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private HttpClient Start(Dictionary<string, string?> tracing)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:ServiceName"] = "orders",
            ["MoniKit:Logging:Directory"] = _logDirectory,
            ["MoniKit:Logging:Console"] = "None",
        });
        builder.Configuration.AddInMemoryCollection(tracing);
        builder.AddMoniKit();
        var app = builder.Build();
        app.UseMoniKit();
        app.MapGet("/orders/{id:int}", (int id) => id > 0 ? Results.Ok(new { id, status = "shipped" }) : Results.NotFound());
        app.StartAsync().GetAwaiter().GetResult();
        _app = app;
        return app.GetTestClient();
    }
}
