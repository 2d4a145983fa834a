namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>Where alert messages go: the Slack webhook, or the local alerts file when no webhook is set.</summary>
internal interface IAlertDestination
{
    /// <summary>The least time between two messages.</summary>
    TimeSpan MinInterval { get; }

    /// <summary>Delivers one message. Never throws, except for cancellation.</summary>
    Task<DeliveryResult> DeliverAsync(AlertMessage message, CancellationToken cancellationToken);
}
