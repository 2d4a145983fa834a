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
    /// <summary>Delivery attempts made so far.</summary>
    public int Attempts { get; set; }
}
