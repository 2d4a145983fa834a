namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>An attachment: the only way an incoming webhook can give a message a colour bar.</summary>
internal sealed class SlackAttachment
{
    /// <summary>The colour bar, <c>#RRGGBB</c>.</summary>
    public required string Color { get; init; }

    public required IReadOnlyList<SlackBlock> Blocks { get; init; }
}
