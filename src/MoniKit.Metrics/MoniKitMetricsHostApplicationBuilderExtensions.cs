using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MoniKit;
using MoniKit.Metrics;
using MoniKit.Metrics.Implementation;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds MoniKit's metrics pipeline, default health checks and management endpoints to a host.</summary>
public static class MoniKitMetricsHostApplicationBuilderExtensions
{
    private static readonly object Marker = new();

    /// <summary>
    /// Collects ASP.NET Core's, the runtime's, <c>System.Net.Http</c>'s and every <c>MoniKit.*</c> meter into a
    /// MeterProvider read on each scrape, adds a <c>self</c> liveness health check (tagged <c>live</c>), the
    /// <c>monikit.build.info</c> gauge and the management endpoints (<c>/metrics</c>, <c>/env</c>, <c>/health</c>, ...). Options come from <c>MoniKit:Metrics</c>
    /// and <c>MoniKit:Management</c>. Safe to call twice; the first call's <paramref name="configure"/> wins.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Code-level settings, applied after configuration.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKitConfigurationException">A setting is invalid.</exception>
    public static TBuilder AddMoniKitMetrics<TBuilder>(this TBuilder builder, Action<MoniKitMetricsOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.ContainsKey(Marker))
        {
            return builder;
        }

        var service = builder.GetMoniKitOptions();
        var metrics = builder.AddMoniKitOptions(MoniKitMetricsOptions.SectionName, static (MoniKitMetricsOptions o) => o.Validate(), configure);
        var management = builder.AddMoniKitOptions<MoniKitManagementOptions>(MoniKitManagementOptions.SectionName, static o => o.Validate());
        builder.Properties[Marker] = true;

        var services = builder.Services;
        services.AddSingleton(sp => new MetricsCollector(sp.GetRequiredService<IMeterFactory>(), metrics));
        services.AddSingleton(sp => new BuildInfoMetric(sp.GetRequiredService<IMeterFactory>(), service));
        services.AddHostedService<MetricsStartupService>();
        services.AddHealthChecks().AddCheck("self", static () => HealthCheckResult.Healthy(), ["live"]);
        services.AddSingleton(sp => new ManagementEndpoints(
            sp.GetRequiredService<MetricsCollector>(),
            sp.GetRequiredService<HealthCheckService>(),
            management,
            service,
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }
}
