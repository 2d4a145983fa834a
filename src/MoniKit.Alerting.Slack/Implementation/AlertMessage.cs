namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>One message to post: an alert, a follow-up for a group, or the summary of what was not delivered.</summary>
/// <param name="Kind">What the message says.</param>
/// <param name="Sample">The event shown (none for <see cref="AlertMessageKind.Undelivered"/>).</param>
/// <param name="EventCount">How many log events the message accounts for.</param>
/// <param name="Window">The group window, for a follow-up.</param>
/// <param name="Undelivered">Events not delivered, by reason, for <see cref="AlertMessageKind.Undelivered"/>.</param>
/// <param name="Since">When the first of those events was lost.</param>
internal sealed record AlertMessage(
    AlertMessageKind Kind,
    AlertEvent? Sample,
    long EventCount,
    TimeSpan Window,
    IReadOnlyDictionary<string, long>? Undelivered = null,
    DateTimeOffset? Since = null)
{
    /// <summary>Whether the sample's error group was seen before, since the process started, in an earlier window.</summary>
    public bool Recurring { get; init; }

    /// <summary>How many events of the sample's error group were seen since the process started, this one included.</summary>
    public long SeenSinceStart { get; init; } = 1;

    /// <summary>Delivery attempts that failed for a reason other than rate limiting.</summary>
    public int Attempts { get; set; }

    /// <summary>When the message joined the outbox, for the time budget of rate limiting.</summary>
    public DateTimeOffset QueuedAt { get; set; }
}
