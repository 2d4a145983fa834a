using MoniKit.Templates.Tests.Infrastructure;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>
/// The stack's alerting path on loopback: Prometheus with the generated rules scraping a running service, the
/// generated Alertmanager config, and a Slack sink in place of Slack.
/// </summary>
public sealed class AlertingStack : IAsyncDisposable
{
    private AlertingStack(LocalMonitoringConfig config, SlackSink sink, AlertmanagerServer alertmanager, PrometheusServer prometheus)
    {
        Config = config;
        Sink = sink;
        Alertmanager = alertmanager;
        Prometheus = prometheus;
    }

    public LocalMonitoringConfig Config { get; }

    public SlackSink Sink { get; }

    public AlertmanagerServer Alertmanager { get; }

    public PrometheusServer Prometheus { get; }

    /// <summary>What Prometheus, Alertmanager and the sink saw, for failure messages.</summary>
    public string Diagnostics =>
        $"Slack sink received:\n{string.Join("\n", Sink.Requests.Select(m => $"{m.ArrivedAt:O} {m.Body}"))}\n\n" +
        $"Prometheus:\n{Prometheus.Output}\n\nAlertmanager:\n{Alertmanager.Output}";

    /// <summary>
    /// Starts the stack for <paramref name="service"/> and waits until Prometheus scrapes it with <c>up == 1</c>;
    /// <paramref name="adjust"/> may change the copied configuration before the programs start.
    /// </summary>
    public static async Task<AlertingStack> StartAsync(GeneratedProject project, RunningService service, Action<LocalMonitoringConfig>? adjust = null)
    {
        var config = LocalMonitoringConfig.CopyFrom(project);
        adjust?.Invoke(config);
        var sink = new SlackSink();
        AlertmanagerServer? alertmanager = null;
        PrometheusServer? prometheus = null;
        try
        {
            config.SendSlackMessagesTo(sink.WebhookUrl);
            alertmanager = await AlertmanagerServer.StartAsync(config.AlertmanagerConfig);
            config.SendAlertsTo(alertmanager);
            config.ScrapeServiceAt($"127.0.0.1:{service.Port}");
            prometheus = await PrometheusServer.StartAsync(config.PrometheusConfig);
            var stack = new AlertingStack(config, sink, alertmanager, prometheus);
            var up = await prometheus.QueryUntilAsync(
                $"up{{job=\"monikit\", service=\"{config.ServiceName}\"}}", r => r.Samples.Count == 1 && r.Samples[0].Value == 1, TimeSpan.FromSeconds(30));
            Assert.IsTrue(up.Samples.Count == 1 && up.Samples[0].Value == 1, $"Prometheus does not scrape the service: {up}\n{stack.Diagnostics}");
            return stack;
        }
        catch
        {
            if (prometheus is not null)
            {
                await prometheus.DisposeAsync();
            }

            if (alertmanager is not null)
            {
                await alertmanager.DisposeAsync();
            }

            await sink.DisposeAsync();
            config.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Prometheus.DisposeAsync();
        await Alertmanager.DisposeAsync();
        await Sink.DisposeAsync();
        Config.Dispose();
    }
}
