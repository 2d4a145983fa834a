namespace MoniKit.Tracing;

/// <summary>
/// Where and how traces are exported, bound from <c>MoniKit:Tracing</c>. Each setting left unset falls back to its
/// standard OpenTelemetry variable, so <c>OTEL_EXPORTER_OTLP_ENDPOINT=http://collector:4317</c> alone is enough.
/// Export is off until an endpoint is configured.
/// </summary>
public sealed class MoniKitTracingOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Tracing";

    /// <summary>
    /// The base URL of the OTLP collector, as in <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: an absolute http or https URL.
    /// With <c>http/protobuf</c>, <c>/v1/traces</c> is appended. Setting it turns export on.
    /// Default value: <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> (used as it is), else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>;
    /// with neither, nothing is exported.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// The OTLP transport: <c>grpc</c> or <c>http/protobuf</c>.
    /// Default value: <c>OTEL_EXPORTER_OTLP_TRACES_PROTOCOL</c>, else <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else <c>grpc</c>
    /// (the OpenTelemetry .NET default; collectors listen for it on port 4317, for <c>http/protobuf</c> on 4318).
    /// </summary>
    public string? Protocol { get; set; }

    /// <summary>
    /// Which traces are recorded and exported, by the OpenTelemetry names: <c>parentbased_always_on</c>,
    /// <c>parentbased_always_off</c>, <c>parentbased_traceidratio</c>, <c>always_on</c>, <c>always_off</c> or
    /// <c>traceidratio</c>. The <c>parentbased_</c> ones follow the caller's sampled flag when a request carries a
    /// <c>traceparent</c>. Default value: <c>OTEL_TRACES_SAMPLER</c>, else <c>parentbased_always_on</c>.
    /// </summary>
    public string? Sampler { get; set; }

    /// <summary>
    /// The share of traces the <c>traceidratio</c> samplers keep, from 0 to 1 (0.1 keeps one trace in ten); other
    /// samplers ignore it. Default value: <c>OTEL_TRACES_SAMPLER_ARG</c>, else 1.
    /// </summary>
    public double? SamplerArg { get; set; }
}
