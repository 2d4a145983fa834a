using System.Globalization;
using System.Text;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// Turns an <see cref="AlertMessage"/> into a webhook payload: a headline in <c>text</c>, details in one coloured
/// attachment. Every text stays within Slack's limits after escaping, so that no alert is refused for its size.
/// </summary>
internal sealed class SlackMessageFormatter(MoniKitSlackOptions options, AlertIdentity identity)
{
    /// <summary>The most characters of a section's text.</summary>
    public const int MaxSectionText = 3000;

    /// <summary>The most characters of one field of a section.</summary>
    public const int MaxFieldText = 2000;

    /// <summary>The most characters of the top-level <c>text</c>, the notification fallback.</summary>
    public const int MaxText = 4000;

    private const int MaxHeadlineMessage = 1500;
    private const int MaxName = 200;
    private const string CodeFence = "```";

    public SlackPayload Format(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (headline, color, blocks) = message.Kind switch
        {
            AlertMessageKind.Alert => Alert(message),
            AlertMessageKind.FollowUp => FollowUp(message),
            _ => Undelivered(message),
        };
        return new SlackPayload
        {
            Text = headline,
            Channel = Blank(options.Channel),
            Username = Blank(options.Username),
            IconEmoji = Blank(options.IconEmoji),
            Attachments = [new SlackAttachment { Color = color, Blocks = blocks }],
        };
    }

    internal static string Color(string level) => level switch
    {
        "Fatal" => "#8B0000",
        "Error" => "#E01E5A",
        "Warn" => "#ECB22E",
        "Info" => "#36C5F0",
        _ => "#9E9E9E",
    };

    internal static string FormatWindow(TimeSpan window) =>
        window.TotalSeconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{window.TotalSeconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"{window.TotalMinutes:0.#} min");

    /// <summary>What ends a cut text: where the rest is, and the trace that finds it.</summary>
    internal static string Mark(string? traceId) =>
        traceId is null ? "… truncated, full text in the logs" : $"… truncated, full text in the logs, trace `{SlackMarkdown.Escape(traceId)}`";

    private (string, string, IReadOnlyList<SlackBlock>) Alert(AlertMessage message)
    {
        var alert = message.Sample!;
        var mark = Mark(alert.TraceId);
        var blocks = new List<SlackBlock>
        {
            SlackBlock.Section(SlackMarkdown.Fit(SafeText.EscapeControlCharacters(alert.DisplayMessage), MaxSectionText, mark)),
            SlackBlock.Section(SlackAlertFields.Of(identity, message, includeException: false)),
        };
        if (alert.ErrorType is not null)
        {
            blocks.Add(SlackBlock.Section(ErrorBlock(alert, mark)));
        }

        blocks.Add(SlackBlock.Context(Footer(alert, "at")));
        return (Headline($"*{SlackMarkdown.Escape(alert.Level)}*", alert.DisplayMessage, alert.ErrorType), Color(alert.Level), blocks);
    }

    private (string, string, IReadOnlyList<SlackBlock>) FollowUp(AlertMessage message)
    {
        var alert = message.Sample!;
        var more = string.Create(CultureInfo.InvariantCulture, $"*+{message.EventCount} more in the last {FormatWindow(message.Window)}*");
        IReadOnlyList<SlackBlock> blocks =
        [
            SlackBlock.Section(SlackMarkdown.Fit(SafeText.EscapeControlCharacters(alert.DisplayMessage), MaxSectionText, Mark(alert.TraceId))),
            SlackBlock.Section(SlackAlertFields.Of(identity, message, includeException: true)),
            SlackBlock.Context(Footer(alert, "latest at")),
        ];
        return (Headline(more, alert.DisplayTemplate, alert.ErrorType), Color(alert.Level), blocks);
    }

    private (string, string, IReadOnlyList<SlackBlock>) Undelivered(AlertMessage message)
    {
        var reasons = string.Join(", ", message.Undelivered!.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}: {r.Value}")));
        var headline = string.Create(
            CultureInfo.InvariantCulture,
            $"*{message.EventCount} alert events not delivered* from *{Name(identity.Service)}* ({Name(identity.Environment)})");
        IReadOnlyList<SlackBlock> blocks =
        [
            SlackBlock.Section($"Alerts could not be delivered since {Time(message.Since!.Value)} ({reasons}). Every event is still in the service's log files, and each alert not sent is in alerts.json."),
            SlackBlock.Section([SlackAlertFields.Field("Service", identity.Service), SlackAlertFields.Field("Environment", identity.Environment), SlackAlertFields.Field("Host", identity.Host)]),
        ];
        return (headline, Color("Warn"), blocks);
    }

    // The text fallback: one line, at most MaxText characters whatever the names and the message hold.
    private string Headline(string what, string message, string? errorType)
    {
        var line = SafeText.EscapeControlCharacters(FirstLine(message));
        return $"{what} in *{Name(identity.Service)}* ({Name(identity.Environment)}): {SlackMarkdown.Fit(line, MaxHeadlineMessage, SafeText.TruncationMark)}"
            + (errorType is null ? string.Empty : $" ({Name(errorType)})");
    }

    private static string ErrorBlock(AlertEvent alert, string mark)
    {
        var error = new StringBuilder().Append(SafeText.EscapeControlCharacters(alert.ErrorType)).Append(": ")
            .Append(SafeText.EscapeControlCharacters(alert.ErrorMessage));
        foreach (var line in alert.StackTrace?.Split('\n') ?? [])
        {
            error.Append('\n').Append(SafeText.EscapeControlCharacters(line));
        }

        // A fence inside the text would close the code block early.
        var text = error.Replace(CodeFence, "'''").ToString();
        return CodeFence + SlackMarkdown.Fit(text, MaxSectionText - (2 * CodeFence.Length), mark) + CodeFence;
    }

    private string Footer(AlertEvent alert, string label)
    {
        var footer = $"{label} {Time(alert.Timestamp)}";
        var link = LogsLink(alert.TraceId);
        return link is null || footer.Length + link.Length + 16 > MaxSectionText ? footer : $"{footer} · <{link}|View logs>";
    }

    private string? LogsLink(string? traceId)
    {
        var template = options.LogsUrlTemplate;
        if (string.IsNullOrWhiteSpace(template) || traceId is null)
        {
            return null;
        }

        var url = template.Replace("{traceId}", Uri.EscapeDataString(traceId), StringComparison.Ordinal)
            .Replace("{service}", Uri.EscapeDataString(identity.Service), StringComparison.Ordinal);

        // '|' and '>' end a Slack link; escaping them keeps a Grafana query intact.
        return SlackMarkdown.Escape(url).Replace("|", "%7C", StringComparison.Ordinal);
    }

    private static string Name(string value) => SlackMarkdown.Fit(SafeText.EscapeControlCharacters(value), MaxName, SafeText.TruncationMark);

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
