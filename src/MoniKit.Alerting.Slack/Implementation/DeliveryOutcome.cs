namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>How a delivery attempt ended.</summary>
internal enum DeliveryOutcome
{
    /// <summary>Accepted.</summary>
    Delivered,

    /// <summary>A 429: wait as long as the receiver asks, then try the same message again.</summary>
    RateLimited,

    /// <summary>A 5xx, a timeout or no connection: try again later, with backoff.</summary>
    Transient,

    /// <summary>A 4xx: retrying the same message cannot help.</summary>
    Rejected,
}
