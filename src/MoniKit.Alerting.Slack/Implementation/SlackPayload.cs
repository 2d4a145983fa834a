namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>The body of an incoming-webhook post: a plain-text fallback plus one coloured attachment.</summary>
internal sealed class SlackPayload
{
    /// <summary>Shown in notifications and by clients that cannot render blocks.</summary>
    public required string Text { get; init; }

    public string? Channel { get; init; }

    public string? Username { get; init; }

    public string? IconEmoji { get; init; }

    public IReadOnlyList<SlackAttachment>? Attachments { get; init; }
}
