namespace MoniKit;

/// <summary>
/// What every MoniKit log line, metric and alert says about the service. Bound from the <c>MoniKit</c> section.
/// </summary>
public sealed class MoniKitOptions
{
    /// <summary>The configuration section every MoniKit option lives under.</summary>
    public const string SectionName = "MoniKit";

    /// <summary>
    /// The logical service name (<c>service.name</c>): lower-case letters, digits, '.', '_' and '-'.
    /// Default value: the application name, lower-cased, with other characters replaced by '-'. The OpenTelemetry
    /// variable <c>OTEL_SERVICE_NAME</c>, when set, takes precedence, so that logs, metrics and traces agree.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>
    /// The service version (<c>service.version</c>).
    /// Default value: the entry assembly's informational version, without the source revision.
    /// </summary>
    public string? ServiceVersion { get; set; }

    /// <summary>The deployment environment (<c>service.environment</c>). Default value: the host environment name.</summary>
    public string? Environment { get; set; }

    internal const string OtelServiceNameVariable = "OTEL_SERVICE_NAME";

    /// <summary>Where <see cref="ServiceName"/> came from, for the validation message.</summary>
    internal string ServiceNameKey { get; set; } = $"{SectionName}:{nameof(ServiceName)}";

    internal IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ServiceName))
        {
            yield return $"{ServiceNameKey} is required";
        }
        else if (ServiceName.Length > 100 || !ServiceName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-'))
        {
            yield return $"{ServiceNameKey} must be at most 100 lower-case letters, digits, '.', '_' or '-' (was '{ServiceName}')";
        }

        if (ServiceVersion is { Length: > 100 } || (ServiceVersion?.Any(char.IsControl) ?? false))
        {
            yield return $"{SectionName}:{nameof(ServiceVersion)} must be at most 100 printable characters";
        }

        if (Environment is { Length: > 100 } || (Environment?.Any(char.IsControl) ?? false))
        {
            yield return $"{SectionName}:{nameof(Environment)} must be at most 100 printable characters";
        }
    }
}
