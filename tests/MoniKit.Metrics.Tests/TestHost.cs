using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MoniKit.Metrics.Tests;

/// <summary>A started generic host with MoniKit metrics, and helpers to call its management endpoints.</summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly IHost host;

    private TestHost(IHost host)
    {
        this.host = host;
        Endpoints = host.Services.GetRequiredService<ManagementEndpoints>();
    }

    public ManagementEndpoints Endpoints { get; }

    public IServiceProvider Services => host.Services;

    public static async Task<TestHost> StartAsync(Dictionary<string, string?>? settings = null, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "Orders.Api", EnvironmentName = "Staging" });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddMoniKitMetrics();
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new TestHost(host);
    }

    public async Task<(ManagementResponse Response, string Body)> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        var request = new ManagementRequest("GET", path, name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value);
        var response = await Endpoints.HandleAsync(request, CancellationToken.None);
        Assert.IsNotNull(response, path);
        return (response, Encoding.UTF8.GetString(response.Body.Span));
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
