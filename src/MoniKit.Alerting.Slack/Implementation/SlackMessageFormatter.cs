using System.Globalization;
using System.Text;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>Turns an <see cref="AlertMessage"/> into a webhook payload: a headline in <c>text</c>, details in one coloured attachment.</summary>
internal sealed class SlackMessageFormatter(SlackAlertOptions options, AlertIdentity identity)
{
    public SlackPayload Format(AlertMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (headline, color, blocks) = message.Kind switch
        {
            AlertMessageKind.Alert => Alert(message.Sample!),
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

    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    internal static string FormatWindow(TimeSpan window) =>
        window.TotalSeconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{window.TotalSeconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"{window.TotalMinutes:0.#} min");

    private (string, string, IReadOnlyList<SlackBlock>) Alert(AlertEvent alert)
    {
        var blocks = new List<SlackBlock>
        {
            SlackBlock.Section(Escape(alert.Message)),
            SlackBlock.Section(Fields(alert, includeException: false)),
        };
        if (alert.ErrorType is not null)
        {
            var error = new StringBuilder().Append(alert.ErrorType).Append(": ").Append(alert.ErrorMessage);
            if (alert.StackTrace is not null)
            {
                error.Append('\n').Append(alert.StackTrace);
            }

            blocks.Add(SlackBlock.Section("```" + Escape(error.ToString()).Replace("```", "'''", StringComparison.Ordinal) + "```"));
        }

        blocks.Add(SlackBlock.Context(Footer(alert, "at")));
        var headline = $"*{alert.Level}* in *{Escape(identity.Service)}* ({Escape(identity.Environment)}): {Escape(FirstLine(alert.Message))}"
            + (alert.ErrorType is null ? string.Empty : $" ({Escape(alert.ErrorType)})");
        return (headline, Color(alert.Level), blocks);
    }

    private (string, string, IReadOnlyList<SlackBlock>) FollowUp(AlertMessage message)
    {
        var alert = message.Sample!;
        var more = string.Create(CultureInfo.InvariantCulture, $"+{message.EventCount} more in the last {FormatWindow(message.Window)}");
        var headline = $"*{more}* in *{Escape(identity.Service)}* ({Escape(identity.Environment)}): {Escape(FirstLine(alert.MessageTemplate))}"
            + (alert.ErrorType is null ? string.Empty : $" ({Escape(alert.ErrorType)})");
        IReadOnlyList<SlackBlock> blocks =
        [
            SlackBlock.Section(Escape(alert.Message)),
            SlackBlock.Section(Fields(alert, includeException: true)),
            SlackBlock.Context(Footer(alert, "latest at")),
        ];
        return (headline, Color(alert.Level), blocks);
    }

    private (string, string, IReadOnlyList<SlackBlock>) Undelivered(AlertMessage message)
    {
        var reasons = string.Join(", ", message.Undelivered!.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}: {r.Value}")));
        var headline = string.Create(
            CultureInfo.InvariantCulture,
            $"*{message.EventCount} alert events not delivered* from *{Escape(identity.Service)}* ({Escape(identity.Environment)})");
        IReadOnlyList<SlackBlock> blocks =
        [
            SlackBlock.Section($"Alerts could not be delivered since {Time(message.Since!.Value)} ({reasons}). Every event is still in the service's log files."),
            SlackBlock.Section([Field("Service", identity.Service), Field("Environment", identity.Environment), Field("Host", identity.Host)]),
        ];
        return (headline, Color("Warn"), blocks);
    }

    private List<SlackText> Fields(AlertEvent alert, bool includeException)
    {
        var fields = new List<SlackText>
        {
            Field("Service", identity.Service),
            Field("Environment", identity.Environment),
            Field("Host", identity.Host),
            Field("Level", alert.Level),
            Field("Logger", alert.Logger),
            Field("Trace id", alert.TraceId ?? "none"),
        };
        if (includeException && alert.ErrorType is not null)
        {
            fields.Add(Field("Exception", alert.ErrorType));
        }

        return fields;
    }

    private string Footer(AlertEvent alert, string label)
    {
        var footer = $"{label} {Time(alert.Timestamp)}";
        var link = LogsLink(alert.TraceId);
        return link is null ? footer : $"{footer} · <{link}|View logs>";
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
        return Escape(url).Replace("|", "%7C", StringComparison.Ordinal);
    }

    private static SlackText Field(string name, string value) => SlackText.Markdown($"*{name}*\n{Escape(value)}");

    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff 'UTC'", CultureInfo.InvariantCulture);

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        return line.Length <= 300 ? line : string.Concat(line.AsSpan(0, 299), "…");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
