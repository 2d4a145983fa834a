using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Benchmarks;

/// <summary>
/// What tracing costs one <c>GET /orders/42</c> of the MoniKit host of <see cref="RequestPipelineBenchmarks"/>:
/// export off (no OTLP variable, as shipped), export on with every request sampled, and export on with the
/// <c>always_off</c> sampler. The exporter points at a closed loopback port, so its background sends fail at once and
/// only the per-request cost is measured.
/// </summary>
[MemoryDiagnoser]
public class TracingBenchmarks : IDisposable
{
    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "monikit-benchmarks", Guid.NewGuid().ToString("N"));
    private readonly List<WebApplication> _apps = [];
    private HttpClient _off = null!;
    private HttpClient _sampled = null!;
    private HttpClient _unsampled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _off = Start(new Dictionary<string, string?>());
        _sampled = Start(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });
        _unsampled = Start(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9",
            ["OTEL_TRACES_SAMPLER"] = "always_off",
        });
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> ExportOff() => GetAsync(_off);

    [Benchmark]
    public Task<int> ExportOnSampled() => GetAsync(_sampled);

    [Benchmark]
    public Task<int> ExportOnNotSampled() => GetAsync(_unsampled);

    public void Dispose()
    {
        foreach (var app in _apps)
        {
            app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)app).Dispose();
        }

        _apps.Clear();
        if (Directory.Exists(_logDirectory))
        {
            Directory.Delete(_logDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private static async Task<int> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/orders/42", UriKind.Relative)).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return (int)response.StatusCode * 1000 + body.Length;
    }

    private HttpClient Start(Dictionary<string, string?> tracing)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MoniKit:ServiceName"] = "orders",
            ["MoniKit:Logging:Directory"] = Path.Combine(_logDirectory, _apps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["MoniKit:Logging:Console"] = "None",
        });
        builder.Configuration.AddInMemoryCollection(tracing);
        builder.AddMoniKit();
        var app = builder.Build();
        app.UseMoniKit();
        app.MapGet("/orders/{id:int}", (int id) => id > 0 ? Results.Ok(new { id, status = "shipped" }) : Results.NotFound());
        app.StartAsync().GetAwaiter().GetResult();
        _apps.Add(app);
        return app.GetTestClient();
    }
}
