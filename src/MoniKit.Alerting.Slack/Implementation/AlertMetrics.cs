using System.Diagnostics.Metrics;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>The <c>MoniKit.Alerting</c> instruments.</summary>
internal sealed class AlertMetrics
{
    public const string MeterName = "MoniKit.Alerting";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _dropped;

    public AlertMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _sent = meter.CreateCounter<long>("monikit.alerts.sent", "{message}", "Alert messages delivered.");
        _dropped = meter.CreateCounter<long>("monikit.alerts.dropped", "{event}", "Log events that could not be alerted on, by reason.");
    }

    public void Sent() => _sent.Add(1);

    public void Dropped(string reason, long events) =>
        _dropped.Add(events, new KeyValuePair<string, object?>("reason", reason));
}
