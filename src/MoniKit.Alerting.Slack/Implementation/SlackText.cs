namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>A Block Kit text object.</summary>
internal sealed class SlackText
{
    public required string Type { get; init; }

    public required string Text { get; init; }

    public static SlackText Markdown(string text) => new() { Type = "mrkdwn", Text = text };
}
