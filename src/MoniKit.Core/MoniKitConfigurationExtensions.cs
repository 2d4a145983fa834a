using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MoniKit;
using MoniKit.Implementation;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Binds and validates MoniKit options once per host builder, so that every MoniKit package sees the same values
/// and a bad setting stops the service at start-up with a message that names the key.
/// </summary>
internal static class MoniKitConfigurationExtensions
{
    /// <summary>
    /// Returns the service identity (<c>MoniKit:ServiceName</c>, <c>ServiceVersion</c>, <c>Environment</c>)
    /// with defaults filled in from the host, validated. Registers <see cref="MoniKitOptions"/> in the container.
    /// </summary>
    /// <exception cref="MoniKitConfigurationException">A setting is invalid.</exception>
    public static MoniKitOptions GetMoniKitOptions(this IHostApplicationBuilder builder) =>
        builder.AddMoniKitOptions<MoniKitOptions>(sectionPath: null, options => options.Validate(), options =>
        {
            // The standard OpenTelemetry variable names the service on its traces; the logs and metrics must agree.
            if (builder.Configuration[MoniKitOptions.OtelServiceNameVariable] is { Length: > 0 } otelServiceName)
            {
                options.ServiceName = otelServiceName;
                options.ServiceNameKey = MoniKitOptions.OtelServiceNameVariable;
            }

            options.ServiceName ??= DefaultServiceName(builder.Environment.ApplicationName);
            options.ServiceVersion ??= DefaultServiceVersion();
            options.Environment ??= builder.Environment.EnvironmentName;
        });

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from <c>MoniKit:{sectionPath}</c>, applies <paramref name="configure"/>,
    /// validates it, and registers it as <see cref="IOptions{TOptions}"/>. Repeated calls return the first instance.
    /// At start-up, one warning names every key under <c>MoniKit</c> that none of the types bound this way reads.
    /// The first call also makes an exception that escapes <c>Main</c> print one line with the key and the reason
    /// on standard error, before the stack trace, and end the process with exit code 78 for a configuration error
    /// (1 for any other), instead of an abort.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="sectionPath">The sub-section under <c>MoniKit</c>, or <see langword="null"/> for the section itself.</param>
    /// <param name="validate">Returns one message per invalid setting, each naming its full key.</param>
    /// <param name="configure">Code-level settings, applied after configuration.</param>
    /// <exception cref="MoniKitConfigurationException">A value cannot be converted, or <paramref name="validate"/> reports failures.</exception>
    public static TOptions AddMoniKitOptions<TOptions>(
        this IHostApplicationBuilder builder,
        string? sectionPath,
        Func<TOptions, IEnumerable<string>> validate,
        Action<TOptions>? configure = null)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(validate);
        UnhandledStartupExceptionHook.Install();
        BoundMoniKitOptions.Of(builder).Add(sectionPath, typeof(TOptions));
        if (builder.Properties.TryGetValue(typeof(TOptions), out var existing) && existing is TOptions cached)
        {
            return cached;
        }

        var path = sectionPath is null ? MoniKitOptions.SectionName : $"{MoniKitOptions.SectionName}:{sectionPath}";
        var options = new TOptions();
        try
        {
            builder.Configuration.GetSection(path).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new MoniKitConfigurationException(ex.Message, ex);
        }

        configure?.Invoke(options);
        var failures = validate(options).ToList();
        if (failures.Count > 0)
        {
            throw new MoniKitConfigurationException(failures);
        }

        builder.Properties[typeof(TOptions)] = options;
        builder.Services.AddSingleton<IOptions<TOptions>>(Options.Options.Create(options));
        builder.Services.AddSingleton(options);
        return options;
    }

    internal static string DefaultServiceName(string applicationName)
    {
        var chars = applicationName.ToLowerInvariant()
            .Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-' ? c : '-')
            .ToArray();
        var name = new string(chars).Trim('-', '.', '_');
        return name.Length == 0 ? "service" : name[..Math.Min(name.Length, 100)];
    }

    private static string DefaultServiceVersion()
    {
        var assembly = Assembly.GetEntryAssembly();
        var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly?.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
