namespace MoniKit.Alerting.Slack.Tests;

/// <summary>How the Slack-like sink answers.</summary>
public enum SinkBehavior
{
    Ok,
    TooManyRequests,
    ServerError,
    Hang,
}
