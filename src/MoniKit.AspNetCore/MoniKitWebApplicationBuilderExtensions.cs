using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using MoniKit.AspNetCore;
using MoniKit.AspNetCore.Implementation;
using MoniKit.AspNetCore.Management;
using MoniKit.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>Wires MoniKit into an ASP.NET Core service with one call.</summary>
public static class MoniKitWebApplicationBuilderExtensions
{
    private const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    // No optional parameter here: with one, C# would prefer MoniKit.Hosting's generic AddMoniKit<TBuilder>() for a
    // WebApplicationBuilder in a project that references both packages, and wire a worker instead of a web service.
    /// <summary>
    /// Adds MoniKit's structured JSON logging, metrics, health checks, Slack alerts, trace context and request
    /// logging. Pair it with <c>app.UseMoniKit()</c>. Every setting comes from the <c>MoniKit</c> configuration
    /// section and is validated here, so a bad value stops the service at start-up naming the key. Safe to call twice.
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKit.MoniKitConfigurationException">A setting is invalid; the message names the key.</exception>
    public static WebApplicationBuilder AddMoniKit(this WebApplicationBuilder builder) => AddMoniKit(builder, configure: null);

    /// <summary>
    /// Adds MoniKit as <see cref="AddMoniKit(WebApplicationBuilder)"/> does, then applies <paramref name="configure"/> to
    /// the <c>MoniKit:Http</c> settings.
    /// </summary>
    /// <param name="builder">The web application builder.</param>
    /// <param name="configure">Code-level HTTP logging settings, applied after configuration on the first call only.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKit.MoniKitConfigurationException">A setting is invalid; the message names the key.</exception>
    public static WebApplicationBuilder AddMoniKit(this WebApplicationBuilder builder, Action<MoniKitHttpOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var properties = ((IHostApplicationBuilder)builder).Properties;
        if (!properties.TryAdd(typeof(MoniKitWebApplicationBuilderExtensions), true))
        {
            return builder;
        }

        builder.GetMoniKitOptions();
        builder.GetMoniKitRedactionPolicy();
        builder.AddMoniKitLogging();
        NLogWebSetup.AddTo(builder);
        builder.AddMoniKitMetrics();
        builder.AddMoniKitSlackAlerts();
        builder.AddMoniKitManagementPort();

        // Inbound requests become spans named after their route template, once an OTLP endpoint is configured;
        // scrapes and probes do not.
        var management = new ManagementTraffic(builder.AddMoniKitOptions<MoniKitManagementOptions>(MoniKitManagementOptions.SectionName, static _ => []));
        builder.ConfigureMoniKitTracing(tracing => tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !management.IsManagement(context)));
        var http = builder.AddMoniKitOptions(MoniKitHttpOptions.SectionName, (MoniKitHttpOptions o) => o.Validate(), configure);

        // ASP.NET Core's own "Request starting/finished" lines repeat the http.inbound line, and they carry the raw
        // query string, secrets included.
        builder.Logging.AddFilter(HostingDiagnosticsCategory, LogLevel.Warning);

        // A request Kestrel rejects before any middleware runs (431, 400) gets its line from Kestrel's own
        // bad-request event. Its Debug text may quote a raw header value, so only MoniKit's listener hears it.
        builder.Logging.Services.AddSingleton<ILoggerProvider>(sp => new KestrelRejectionLoggerProvider(sp));
        builder.Logging.AddFilter<KestrelRejectionLoggerProvider>(KestrelRejectionLoggerProvider.Category, LogLevel.Debug);
        builder.Logging.AddFilter(KestrelRejectionLoggerProvider.Category, LogLevel.Warning);

        var services = builder.Services;
        // Every problem+json response quotes the same plain W3C trace id as X-Trace-Id and the logs, not the
        // framework's default traceparent-style activity id.
        services.AddProblemDetails(o => o.CustomizeProblemDetails += context =>
        {
            if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
            {
                context.ProblemDetails.Extensions["traceId"] = activity.TraceId.ToHexString();
            }
        });
        services.AddHttpClient();
        services.TryAddSingleton<ProblemDetailsWriter>();
        services.TryAddSingleton<RequestCapture>();
        services.TryAddSingleton<AnsweredRejections>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, OutboundLoggingFilter>());
        services.AddHostedService<ActivityListenerService>();
        if (http.TraceIdHeader)
        {
            // Registered last so it replaces the default that the web host registered.
            services.AddSingleton<DistributedContextPropagator>(new TraceIdPropagator(DistributedContextPropagator.CreateDefaultPropagator()));
        }

        return builder;
    }
}
