namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>The values of the <c>reason</c> attribute of <c>monikit.alerts.dropped</c>.</summary>
internal static class DropReasons
{
    /// <summary>The queue between the logging threads and the sender was full.</summary>
    public const string QueueFull = "queue_full";

    /// <summary>Slack kept failing (5xx, timeouts, no connection) and the message was given up after retries.</summary>
    public const string SendFailed = "send_failed";

    /// <summary>Slack refused the message for good (4xx other than 429, such as a revoked webhook).</summary>
    public const string Rejected = "rejected";

    /// <summary>Too many messages were waiting for Slack (an outage, or more distinct errors than the rate allows).</summary>
    public const string Backlog = "backlog";

    /// <summary>Slack kept rate limiting (429) past the time a message may wait.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>Not delivered before the shutdown budget ran out (kept in the local alerts file when it can be written).</summary>
    public const string Shutdown = "shutdown";
}
