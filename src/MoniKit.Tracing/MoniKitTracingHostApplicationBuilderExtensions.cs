using MoniKit;
using MoniKit.Tracing;
using MoniKit.Tracing.Implementation;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>Exports traces over OTLP when an endpoint is configured, and does nothing otherwise.</summary>
public static class MoniKitTracingHostApplicationBuilderExtensions
{
    /// <summary>
    /// Exports traces over OTLP once an endpoint is configured (<c>MoniKit:Tracing:Endpoint</c>,
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>): every <c>MoniKit.*</c>
    /// activity (job runs, database commands) and HttpClient calls, under the service identity the logs carry.
    /// Without an endpoint no TracerProvider is built and nothing is added to any request. MoniKit.AspNetCore's and
    /// MoniKit.Hosting's <c>AddMoniKit()</c> call it. Settings are validated here. Safe to call twice.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKitConfigurationException">A setting is invalid; the message names the key.</exception>
    public static TBuilder AddMoniKitTracing<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder => builder.AddMoniKitTracing(configure: null);

    /// <summary>
    /// Exports traces over OTLP once an endpoint is configured, with code-level settings applied after configuration
    /// on the first call. See <see cref="AddMoniKitTracing{TBuilder}(TBuilder)"/>.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Code-level settings, applied after configuration and before validation.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKitConfigurationException">A setting is invalid; the message names the key.</exception>
    public static TBuilder AddMoniKitTracing<TBuilder>(this TBuilder builder, Action<MoniKitTracingOptions>? configure)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        Register(builder, configure);
        return builder;
    }

    /// <summary>
    /// Adds to MoniKit's tracer when export is on, and does nothing when it is off, so a service's own sources cost
    /// nothing until someone configures an endpoint: <c>builder.ConfigureMoniKitTracing(t =&gt; t.AddSource("Orders"))</c>.
    /// Calls <see cref="AddMoniKitTracing{TBuilder}(TBuilder)"/> first.
    /// </summary>
    /// <typeparam name="TBuilder">The host builder type.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Adds sources, instrumentation or processors to the tracer.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKitConfigurationException">A setting is invalid; the message names the key.</exception>
    public static TBuilder ConfigureMoniKitTracing<TBuilder>(this TBuilder builder, Action<TracerProviderBuilder> configure)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        if (Register(builder, configure: null).Enabled)
        {
            builder.AddOpenTelemetry().WithTracing(configure);
        }

        return builder;
    }

    private static TracingSettings Register(IHostApplicationBuilder builder, Action<MoniKitTracingOptions>? configure)
    {
        if (builder.Properties.TryGetValue(typeof(TracingSettings), out var registered) && registered is TracingSettings existing)
        {
            return existing;
        }

        var service = builder.GetMoniKitOptions();
        var configuration = builder.Configuration;
        var options = builder.AddMoniKitOptions(MoniKitTracingOptions.SectionName, (MoniKitTracingOptions o) => Failures(o, configuration), configure);
        var settings = TracingSettings.Resolve(options, configuration, []);
        builder.Properties[typeof(TracingSettings)] = settings;
        if (!settings.Enabled)
        {
            return settings;
        }

        var headers = configuration[OtelVariables.TracesHeaders];
        builder.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(service.ServiceName!, serviceVersion: service.ServiceVersion, autoGenerateServiceInstanceId: false)
                .AddAttributes(
                [
                    new("deployment.environment.name", service.Environment!),
                    new("host.name", Environment.MachineName),
                ]))
            .WithTracing(tracing =>
            {
                tracing.SetSampler(SamplerNames.Create(settings.Sampler, settings.SamplerArg));
                if (SamplerNames.IgnoresParent(settings.Sampler))
                {
                    tracing.AddProcessor(new ParentIgnoringSamplerProcessor(SamplerNames.Create(settings.Sampler, settings.SamplerArg)));
                }

                tracing
                    .AddSource("MoniKit.*")
                    .AddHttpClientInstrumentation()
                    .AddOtlpExporter(otlp =>
                    {
                        otlp.Endpoint = settings.Endpoint!;
                        otlp.Protocol = settings.Protocol;
                        if (!string.IsNullOrWhiteSpace(headers))
                        {
                            otlp.Headers = headers;
                        }

                        // A factory of its own keeps the exporter off IHttpClientFactory, whose clients MoniKit.AspNetCore
                        // logs: every export would write an http.outbound line. The SDK's own client is used unchanged.
                        var own = otlp.HttpClientFactory;
                        otlp.HttpClientFactory = () => own();
                    });
            });
        return settings;
    }

    private static List<string> Failures(MoniKitTracingOptions options, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var failures = new List<string>();
        TracingSettings.Resolve(options, configuration, failures);
        return failures;
    }
}
