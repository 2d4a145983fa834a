using Microsoft.Extensions.DependencyInjection;
using MoniKit;
using MoniKit.Hosting.Implementation;
using MoniKit.Metrics;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires MoniKit into a generic-host service (a worker) with one call, without ASP.NET Core.</summary>
public static class MoniKitHostApplicationBuilderExtensions
{
    /// <summary>The management port of a worker when <c>MoniKit:Management:Port</c> is not set.</summary>
    internal const int DefaultManagementPort = 9464;

    private static readonly object Marker = new();

    /// <summary>
    /// Adds MoniKit's structured JSON logging, metrics, health checks, Slack alerts and job monitoring, and serves the
    /// management endpoints (<c>/metrics</c>, <c>/metrics-text</c>, <c>/env</c>, <c>/ping</c>, <c>/health</c>,
    /// <c>/alive</c>) on <c>MoniKit:Management:Port</c> (default 9464) through <c>HttpListener</c>. Every setting
    /// comes from the <c>MoniKit</c> configuration section and is validated here. Safe to call twice.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type, such as <see cref="HostApplicationBuilder"/>.</typeparam>
    /// <param name="builder">The host builder, from <c>Host.CreateApplicationBuilder(args)</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKitConfigurationException">A setting is invalid; the message names the key.</exception>
    public static TBuilder AddMoniKit<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.ContainsKey(Marker))
        {
            return builder;
        }

        builder.GetMoniKitOptions();
        builder.AddMoniKitLogging();
        builder.AddMoniKitMetrics();
        builder.AddMoniKitSlackAlerts();
        builder.AddMoniKitJobs();
        builder.AddMoniKitTracing();

        // Returns the instance AddMoniKitMetrics bound and validated; a worker has no application port to share.
        var management = builder.AddMoniKitOptions<MoniKitManagementOptions>(MoniKitManagementOptions.SectionName, static _ => []);
        management.Port ??= DefaultManagementPort;
        builder.Services.AddHostedService<ManagementListenerService>();
        builder.Properties[Marker] = true;
        return builder;
    }
}
