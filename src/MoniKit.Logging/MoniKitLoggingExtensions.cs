using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MoniKit.Logging;
using MoniKit.Logging.Implementation;
using NLog.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds MoniKit's NLog pipeline to a host.</summary>
public static class MoniKitLoggingExtensions
{
    private static readonly object Marker = new();

    /// <summary>
    /// Replaces the host's logging providers with NLog configured in code: a rolling JSON file with every level, an
    /// error file, and MoniKit JSON lines on the console from Warning up (readable text with every level in
    /// Development), all written asynchronously through a bounded queue, each destination with a queue and writer of
    /// its own; plus every <see cref="MoniKitLogTarget"/> in the service collection, and the targets and rules of the
    /// app's own NLog configuration (the <c>NLog</c> section, or an <c>nlog.config</c>).
    /// The <c>Logging:LogLevel</c> filters still apply. Options are bound from <c>MoniKit:Logging</c>; secrets in
    /// properties and messages are masked by the host's redaction policy (<c>MoniKit:Redaction</c>).
    /// Calling it again changes nothing.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Code-level settings, applied after configuration on the first call.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKit.MoniKitConfigurationException">
    /// A setting is invalid, or the log folder cannot hold the log files; the message names the key.
    /// </exception>
    public static TBuilder AddMoniKitLogging<TBuilder>(this TBuilder builder, Action<MoniKitLoggingOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.ContainsKey(Marker))
        {
            return builder;
        }

        var service = builder.GetMoniKitOptions();

        // Validated now and registered for the layout: MoniKit:Redaction decides which property names are masked.
        builder.GetMoniKitRedactionPolicy();
        var contentRoot = builder.Environment.ContentRootPath;
        builder.AddMoniKitOptions<MoniKitLoggingOptions>(
            MoniKitLoggingOptions.SectionName,
            options =>
            {
                // The folder is only tried once the settings themselves are valid.
                var failures = options.Validate().ToList();
                return failures.Count > 0
                    ? failures
                    : LogDirectoryCheck.Validate(options, options.ResolveDirectory(contentRoot), service.ServiceName ?? "service");
            },
            options =>
            {
                configure?.Invoke(options);
                options.Console ??= builder.Environment.IsDevelopment() ? MoniKitConsoleFormat.Text : MoniKitConsoleFormat.Json;
                options.ConsoleLevel ??= builder.Environment.IsDevelopment() ? LogLevel.Trace : LogLevel.Warning;
            });

        builder.Services.AddSingleton<MoniKitLogFactory>();
        builder.Services.AddHostedService<LogFlushService>();
        builder.Logging.ClearProviders();
        builder.Logging.AddNLog(
            new NLogProviderOptions
            {
                // Keep the Logging:LogLevel filters of Microsoft.Extensions.Logging.
                RemoveLoggerFactoryFilter = false,
                ShutdownOnDispose = false,
                AutoShutdown = false,
                IncludeScopes = true,
                LoggingConfigurationSectionName = string.Empty,
            },
            services => services.GetRequiredService<MoniKitLogFactory>().Factory);
        builder.Properties[Marker] = true;
        return builder;
    }
}
