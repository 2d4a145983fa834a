using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.Stack.Tests;

/// <summary>
/// A real host with MoniKit logging and local alerts (no Slack webhook), writing its files where the stack's Alloy
/// expects one service's folder, so the stack's file globs and Grafana's parsing meet the real file names and lines.
/// </summary>
internal static class LoggingHost
{
    /// <summary>Starts a host for <paramref name="service"/> that logs to <paramref name="directory"/>, runs <paramref name="write"/>, and stops it.</summary>
    public static async Task RunAsync(string service, string directory, Func<ILogger, Task> write, IDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(directory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Production",
            ContentRootPath = directory,
        });
        var all = new Dictionary<string, string?>
        {
            ["MoniKit:ServiceName"] = service,
            ["MoniKit:Logging:Directory"] = directory,
            ["MoniKit:Logging:Console"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.AddMoniKitSlackAlerts();
        using var host = builder.Build();
        await host.StartAsync();
        await write(host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders.Checkout"));
        await host.StopAsync();
    }
}
