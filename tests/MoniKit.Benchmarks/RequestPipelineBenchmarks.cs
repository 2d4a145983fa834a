using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Benchmarks;

/// <summary>
/// One <c>GET /orders/42</c> through the ASP.NET Core test server, with MoniKit (Production settings: JSON file log,
/// metrics, request logging; console off so the benchmark's own output stays readable) and without it (no logging
/// providers). The handler is the one the monikit-webapi template generates.
/// </summary>
[MemoryDiagnoser]
public class RequestPipelineBenchmarks : IDisposable
{
    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), "monikit-benchmarks", Guid.NewGuid().ToString("N"));
    private WebApplication _bare = null!;
    private WebApplication _moniKit = null!;
    private HttpClient _bareClient = null!;
    private HttpClient _moniKitClient = null!;

    /// <summary>Where the MoniKit host writes its log files.</summary>
    public string LogDirectory => _logDirectory;

    [GlobalSetup]
    public void Setup()
    {
        _bare = Build(moniKit: false);
        _moniKit = Build(moniKit: true);
        _bare.StartAsync().GetAwaiter().GetResult();
        _moniKit.StartAsync().GetAwaiter().GetResult();
        _bareClient = _bare.GetTestClient();
        _moniKitClient = _moniKit.GetTestClient();
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark(Baseline = true)]
    public Task<int> Bare() => GetAsync(_bareClient);

    [Benchmark]
    public Task<int> MoniKit() => GetAsync(_moniKitClient);

    public void Dispose()
    {
        _bareClient?.Dispose();
        _moniKitClient?.Dispose();
        foreach (var app in new[] { _bare, _moniKit })
        {
            if (app is not null)
            {
                app.StopAsync().GetAwaiter().GetResult();
                ((IDisposable)app).Dispose();
            }
        }

        if (Directory.Exists(_logDirectory))
        {
            Directory.Delete(_logDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Sends <c>GET /orders/42</c>; returns the status code times 1000 plus the body length.</summary>
    internal static async Task<int> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/orders/42", UriKind.Relative)).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return (int)response.StatusCode * 1000 + body.Length;
    }

    private WebApplication Build(bool moniKit)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        if (moniKit)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MoniKit:ServiceName"] = "orders",
                ["MoniKit:Logging:Directory"] = _logDirectory,
                ["MoniKit:Logging:Console"] = "None",
            });
            builder.AddMoniKit();
        }
        else
        {
            builder.Logging.ClearProviders();
        }

        var app = builder.Build();
        if (moniKit)
        {
            app.UseMoniKit();
        }

        app.MapGet("/orders/{id:int}", (int id, ILogger<RequestPipelineBenchmarks> logger) =>
        {
            logger.LogDebug("Looked up order {OrderId}", id);
            return id > 0 ? Results.Ok(new { id, status = "shipped" }) : Results.NotFound();
        });
        return app;
    }
}
