using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace MoniKit.Tracing.Implementation;

/// <summary>
/// The tracing settings in force: each comes from <c>MoniKit:Tracing</c> when set there, else from its standard
/// OpenTelemetry variable, else from the OpenTelemetry default. Every value is checked here, and a bad one is
/// reported with the key it came from.
/// </summary>
internal sealed class TracingSettings
{
    private const string Prefix = $"{MoniKitOptions.SectionName}:{MoniKitTracingOptions.SectionName}:";
    private const string GrpcName = "grpc";
    private const string HttpProtobufName = "http/protobuf";

    private TracingSettings()
    {
    }

    /// <summary>The URL the exporter sends traces to; <see langword="null"/> when export is off.</summary>
    public Uri? Endpoint { get; private init; }

    public bool Enabled => Endpoint is not null;

    public OtlpExportProtocol Protocol { get; private init; }

    /// <summary>The standard name of the sampler, lower-case.</summary>
    public string Sampler { get; private init; } = SamplerNames.ParentBasedAlwaysOn;

    public double SamplerArg { get; private init; } = 1;

    /// <summary>Resolves the settings; each invalid value adds a message naming its key to <paramref name="failures"/>.</summary>
    public static TracingSettings Resolve(MoniKitTracingOptions options, IConfiguration configuration, ICollection<string> failures)
    {
        var protocol = ResolveProtocol(options, configuration, failures);
        var sampler = ResolveSampler(options, configuration, failures);
        var endpoint = ResolveEndpoint(options, configuration, protocol, failures);
        return new TracingSettings
        {
            Endpoint = IsSwitchedOff(configuration, failures) ? null : endpoint,
            Protocol = protocol,
            Sampler = sampler,
            SamplerArg = ResolveSamplerArg(options, configuration, sampler, failures),
        };
    }

    private static OtlpExportProtocol ResolveProtocol(MoniKitTracingOptions options, IConfiguration configuration, ICollection<string> failures)
    {
        var (value, key) = Pick(options.Protocol, Prefix + nameof(options.Protocol), configuration, OtelVariables.TracesProtocol, OtelVariables.Protocol);
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or GrpcName:
                return OtlpExportProtocol.Grpc;
            case HttpProtobufName:
                return OtlpExportProtocol.HttpProtobuf;
            default:
                failures.Add($"{key} must be {GrpcName} or {HttpProtobufName} (was '{value}')");
                return OtlpExportProtocol.Grpc;
        }
    }

    private static string ResolveSampler(MoniKitTracingOptions options, IConfiguration configuration, ICollection<string> failures)
    {
        var (value, key) = Pick(options.Sampler, Prefix + nameof(options.Sampler), configuration, OtelVariables.Sampler);
        if (value is null)
        {
            return SamplerNames.ParentBasedAlwaysOn;
        }

        var name = value.Trim().ToLowerInvariant();
        if (SamplerNames.All.Contains(name))
        {
            return name;
        }

        failures.Add($"{key} must be one of {string.Join(", ", SamplerNames.All)} (was '{value}')");
        return SamplerNames.ParentBasedAlwaysOn;
    }

    private static double ResolveSamplerArg(MoniKitTracingOptions options, IConfiguration configuration, string sampler, ICollection<string> failures)
    {
        if (options.SamplerArg is { } configured)
        {
            if (configured is >= 0 and <= 1)
            {
                return configured;
            }

            failures.Add($"{Prefix}{nameof(options.SamplerArg)} must be a number from 0 to 1 (was {configured.ToString(CultureInfo.InvariantCulture)})");
            return 1;
        }

        // As the specification says, samplers without a ratio ignore the variable, whatever it holds.
        var text = configuration[OtelVariables.SamplerArg];
        if (string.IsNullOrWhiteSpace(text) || !SamplerNames.UsesRatio(sampler))
        {
            return 1;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1)
        {
            return ratio;
        }

        failures.Add($"{OtelVariables.SamplerArg} must be a number from 0 to 1 (was '{text}')");
        return 1;
    }

    private static Uri? ResolveEndpoint(MoniKitTracingOptions options, IConfiguration configuration, OtlpExportProtocol protocol, ICollection<string> failures)
    {
        // The traces-specific variable is the full URL; the other two are the collector's base URL, as the
        // specification defines them.
        var (value, key) = Pick(options.Endpoint, Prefix + nameof(options.Endpoint), configuration, OtelVariables.TracesEndpoint, OtelVariables.Endpoint);
        if (value is null)
        {
            return null;
        }

        // The value is not quoted: a collector URL may carry credentials.
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            failures.Add($"{key} must be an absolute http or https URL");
            return null;
        }

        return key != OtelVariables.TracesEndpoint && protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/v1/traces")
            : uri;
    }

    private static bool IsSwitchedOff(IConfiguration configuration, ICollection<string> failures)
    {
        var off = false;
        var disabled = configuration[OtelVariables.SdkDisabled];
        if (!string.IsNullOrWhiteSpace(disabled))
        {
            if (bool.TryParse(disabled.Trim(), out var value))
            {
                off = value;
            }
            else
            {
                failures.Add($"{OtelVariables.SdkDisabled} must be true or false (was '{disabled}')");
            }
        }

        var exporter = configuration[OtelVariables.TracesExporter]?.Trim().ToLowerInvariant();
        switch (exporter)
        {
            case null or "" or "otlp":
                return off;
            case "none":
                return true;
            default:
                failures.Add($"{OtelVariables.TracesExporter} must be otlp or none: MoniKit exports traces over OTLP only (was '{exporter}')");
                return off;
        }
    }

    private static (string? Value, string Key) Pick(string? option, string optionKey, IConfiguration configuration, params string[] variables)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return (option, optionKey);
        }

        foreach (var variable in variables)
        {
            if (configuration[variable] is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return (value, variable);
            }
        }

        return (null, optionKey);
    }
}
