namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>The three kinds of message the sender posts.</summary>
internal enum AlertMessageKind
{
    /// <summary>The first event of a group, sent at once.</summary>
    Alert,

    /// <summary>"+N more in the last 60 s": the events of a group folded during its window.</summary>
    FollowUp,

    /// <summary>How many events could not be delivered, sent when delivery works again.</summary>
    Undelivered,
}
