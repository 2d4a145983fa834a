using NLog;

namespace MoniKit.Alerting.Slack;

/// <summary>
/// Settings of the Slack alerts, bound from <c>MoniKit:Slack</c>. Alerting to Slack is switched on by a webhook URL;
/// without one, alerts go to the local alerts file and the console.
/// </summary>
public sealed class MoniKitSlackOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Slack";

    /// <summary>
    /// The Slack incoming-webhook URL. It is a secret: set it through user secrets, the environment variable
    /// <c>MoniKit__Slack__WebhookUrl</c> or <see cref="WebhookUrlFile"/>, never in a committed <c>appsettings.json</c>.
    /// It must be an absolute https URL; http is accepted only for a loopback host (a local sink or a test).
    /// Default value: none (alerts go to the local alerts file).
    /// </summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// A file holding the webhook URL, such as a Docker or Kubernetes secret mounted at <c>/run/secrets/slack_webhook</c>.
    /// Surrounding white space is ignored. Set either this or <see cref="WebhookUrl"/>, not both.
    /// Default value: none.
    /// </summary>
    public string? WebhookUrlFile { get; set; }

    /// <summary>
    /// Legacy incoming webhooks only: the channel to post to, such as <c>#orders-alerts</c>. A Slack app's incoming
    /// webhook ignores it and always posts to the channel it was created for; to alert another channel, create a
    /// webhook for it. Default value: none (the webhook's channel).
    /// </summary>
    public string? Channel { get; set; }

    /// <summary>The name the messages are posted under, where the webhook accepts an override. Default value: none.</summary>
    public string? Username { get; set; }

    /// <summary>The emoji shown as the poster's icon, such as <c>:rotating_light:</c>, where the webhook accepts an override. Default value: none.</summary>
    public string? IconEmoji { get; set; }

    /// <summary>
    /// The lowest log level that raises an alert: Trace, Debug, Info, Warn, Error or Fatal. Default value: <c>Error</c>.
    /// </summary>
    public string MinLevel { get; set; } = "Error";

    /// <summary>
    /// A link to the logs of the alert's trace, with <c>{traceId}</c> (and optionally <c>{service}</c>) as
    /// placeholders, such as a Grafana Explore URL. Alerts without a trace id get no link. Default value: none.
    /// </summary>
    public string? LogsUrlTemplate { get; set; }

    /// <summary>
    /// How long repeats of one error group are folded together: the first is sent at once, the rest are counted and
    /// reported in one follow-up at the end of the window. A group is the exception's type and throw site (or, without
    /// an exception, the message template or the event's kind, route and status) with the logger, never the rendered
    /// message. Default value: 60 seconds.
    /// </summary>
    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many log events may wait for the background sender. When full, new events are dropped from the alerts
    /// (never from the log files) and counted. Default value: 1000.
    /// </summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>How long one request to Slack may take before it is abandoned and retried. Default value: 10 seconds.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most messages posted per second, across all alerts; Slack accepts about one per second per webhook.
    /// Default value: 1.
    /// </summary>
    public double MaxMessagesPerSecond { get; set; } = 1;

    internal Uri? ResolvedWebhookUrl { get; set; }

    internal LogLevel ResolvedMinLevel { get; set; } = LogLevel.Error;
}
