using System.Text.Json;

namespace MoniKit.Alerting.Slack.Tests;

/// <summary>One POST received by the sink.</summary>
public sealed record SinkRequest(DateTimeOffset ArrivedAt, string Path, string Body, SinkBehavior Answer)
{
    /// <summary>The payload's <c>text</c> fallback.</summary>
    public string Text => JsonDocument.Parse(Body).RootElement.GetProperty("text").GetString()!;
}
