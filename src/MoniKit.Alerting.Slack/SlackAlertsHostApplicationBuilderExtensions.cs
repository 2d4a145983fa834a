using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MoniKit;
using MoniKit.Alerting.Slack;
using MoniKit.Alerting.Slack.Implementation;
using MoniKit.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds MoniKit's alerts on Error and Fatal log events: to Slack when a webhook is set, else to a local file.</summary>
public static class SlackAlertsHostApplicationBuilderExtensions
{
    private static readonly object Marker = new();

    /// <summary>
    /// Sends log events at <see cref="MoniKitSlackOptions.MinLevel"/> and above to the Slack webhook configured in
    /// <c>MoniKit:Slack</c>, off the request path, grouped and rate limited. Without a webhook, alerts go to
    /// <c>alerts.json</c> in the log directory and to standard error. Also adds MoniKit logging. Safe to call twice;
    /// only the first call's <paramref name="configure"/> applies.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <param name="configure">Code-level settings, applied after configuration.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="MoniKitConfigurationException">A setting is invalid, such as a webhook URL that is not https.</exception>
    public static TBuilder AddMoniKitSlackAlerts<TBuilder>(this TBuilder builder, Action<MoniKitSlackOptions>? configure = null)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Properties.ContainsKey(Marker))
        {
            return builder;
        }

        builder.AddMoniKitLogging();
        var service = builder.GetMoniKitOptions();
        var options = builder.AddMoniKitOptions<MoniKitSlackOptions>(MoniKitSlackOptions.SectionName, MoniKitSlackOptionsValidator.Validate, configure);
        builder.Properties[Marker] = true;

        var services = builder.Services;
        var identity = new AlertIdentity(service.ServiceName!, service.ServiceVersion!, service.Environment!, Environment.MachineName);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(identity);
        services.AddSingleton<AlertMetrics>();
        services.AddSingleton<AlertQueue>();
        services.AddSingleton(new AlertConsole(Console.Error));
        services.AddSingleton(sp => new MoniKitLogTarget(new SlackAlertTarget(sp.GetRequiredService<AlertQueue>()), options.ResolvedMinLevel));
        services.AddHostedService<AlertSender>();

        // The local alerts file is the destination without a webhook, and where what Slack did not take is kept.
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(sp =>
        {
            var directory = Path.GetFullPath(sp.GetRequiredService<MoniKitLoggingOptions>().Directory, contentRoot);
            return new LocalAlertFile(Path.Combine(directory, LocalAlertFile.FileName), identity, sp.GetRequiredService<AlertConsole>(), options.QueueCapacity);
        });
        if (options.ResolvedWebhookUrl is null)
        {
            services.AddSingleton<IAlertDestination>(sp => sp.GetRequiredService<LocalAlertFile>());
            return builder;
        }

        // The factory's request logging would write the URL, which is the secret, so it is removed for this client.
        services.AddHttpClient(SlackWebhookClient.HttpClientName, client => client.Timeout = options.HttpTimeout)
            .RemoveAllLoggers();
        services.AddSingleton<SlackMessageFormatter>();
        services.AddSingleton<IAlertDestination, SlackWebhookClient>();
        return builder;
    }
}
