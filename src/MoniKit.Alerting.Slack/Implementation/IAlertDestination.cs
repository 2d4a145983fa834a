namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>Where alert messages go: the Slack webhook, or the local alerts file when no webhook is set.</summary>
internal interface IAlertDestination
{
    /// <summary>What the exit line calls the destination, such as <c>Slack</c>.</summary>
    string Name { get; }

    /// <summary>The least time between two messages.</summary>
    TimeSpan MinInterval { get; }

    /// <summary>How many messages may wait for the destination before more are dropped as <c>backlog</c>.</summary>
    int MaxPending { get; }

    /// <summary>Delivers one message. Never throws, except for cancellation.</summary>
    Task<DeliveryResult> DeliverAsync(AlertMessage message, CancellationToken cancellationToken);
}
