namespace MoniKit.Tracing.Implementation;

/// <summary>
/// The standard OpenTelemetry variables MoniKit reads itself. The SDK reads the rest on its own (headers, timeout,
/// compression, batch and limit settings, <c>OTEL_RESOURCE_ATTRIBUTES</c>), but not the traces-specific endpoint,
/// protocol and headers, and it ignores a bad value silently where MoniKit stops the service naming it.
/// </summary>
internal static class OtelVariables
{
    public const string Endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string TracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string Protocol = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string TracesProtocol = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";
    public const string TracesHeaders = "OTEL_EXPORTER_OTLP_TRACES_HEADERS";
    public const string Sampler = "OTEL_TRACES_SAMPLER";
    public const string SamplerArg = "OTEL_TRACES_SAMPLER_ARG";
    public const string TracesExporter = "OTEL_TRACES_EXPORTER";
    public const string SdkDisabled = "OTEL_SDK_DISABLED";
}
