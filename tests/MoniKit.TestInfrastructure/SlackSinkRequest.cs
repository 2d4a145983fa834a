using System.Diagnostics;
using System.Text.Json;

namespace MoniKit.TestInfrastructure;

/// <summary>One POST the sink received: when, what, and how the sink answered it.</summary>
/// <param name="ArrivedAt">The wall-clock arrival time.</param>
/// <param name="ArrivedTimestamp">The arrival as a <see cref="Stopwatch"/> timestamp, for measuring delays.</param>
/// <param name="Path">The request path, the webhook's secret part included.</param>
/// <param name="Body">The request body.</param>
/// <param name="Answer">How the sink answered.</param>
public sealed record SlackSinkRequest(DateTimeOffset ArrivedAt, long ArrivedTimestamp, string Path, string Body, SlackSinkBehavior Answer)
{
    /// <summary>The payload's top-level <c>text</c> (the notification fallback), or an empty string.</summary>
    public string Text
    {
        get
        {
            using var document = Parse();
            return document?.RootElement.TryGetProperty("text", out var text) == true ? text.GetString() ?? string.Empty : string.Empty;
        }
    }

    /// <summary>The titles of the payload's attachments, where Alertmanager's Slack notifier puts each alert's title.</summary>
    public IReadOnlyList<string> Titles
    {
        get
        {
            using var document = Parse();
            return document?.RootElement.TryGetProperty("attachments", out var attachments) == true
                ? [.. attachments.EnumerateArray().Select(a => a.TryGetProperty("title", out var t) ? t.GetString() ?? string.Empty : string.Empty)]
                : [];
        }
    }

    /// <summary>Whether the message is Alertmanager announcing <paramref name="alertName"/> firing.</summary>
    public bool IsFiring(string alertName) =>
        Titles.Any(t => t.StartsWith("[FIRING", StringComparison.Ordinal) && t.Contains(alertName, StringComparison.Ordinal));

    /// <summary>The time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to the arrival.</summary>
    public TimeSpan Since(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp, ArrivedTimestamp);

    private JsonDocument? Parse()
    {
        try
        {
            return JsonDocument.Parse(Body);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
