namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>A Block Kit block: <c>section</c> (text or fields) or <c>context</c> (elements).</summary>
internal sealed class SlackBlock
{
    public required string Type { get; init; }

    public SlackText? Text { get; init; }

    public IReadOnlyList<SlackText>? Fields { get; init; }

    public IReadOnlyList<SlackText>? Elements { get; init; }

    public static SlackBlock Section(string markdown) => new() { Type = "section", Text = SlackText.Markdown(markdown) };

    public static SlackBlock Section(IReadOnlyList<SlackText> fields) => new() { Type = "section", Fields = fields };

    public static SlackBlock Context(string markdown) => new() { Type = "context", Elements = [SlackText.Markdown(markdown)] };
}
