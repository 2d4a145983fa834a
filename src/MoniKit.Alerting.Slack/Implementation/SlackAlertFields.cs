using System.Globalization;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>The fields of an alert's details: who, where, which trace, and its error group, each within Slack's field limit.</summary>
internal static class SlackAlertFields
{
    public static List<SlackText> Of(AlertIdentity identity, AlertMessage message, bool includeException)
    {
        var alert = message.Sample!;
        var fields = new List<SlackText>
        {
            Field("Service", identity.Service),
            Field("Environment", identity.Environment),
            Field("Host", identity.Host),
            Field("Level", alert.Level),
            Field("Logger", alert.Logger),
            Field("Trace id", alert.TraceId ?? "none"),
            SlackText.Markdown($"*Error group*\n`{SlackMarkdown.Fit(alert.ErrorGroup, 100, SafeText.TruncationMark)}` {GroupStatus(message)}"),
        };
        if (includeException && alert.ErrorType is not null)
        {
            fields.Add(Field("Exception", alert.ErrorType));
        }

        return fields;
    }

    public static SlackText Field(string name, string value)
    {
        var header = $"*{name}*\n";
        return SlackText.Markdown(header + SlackMarkdown.Fit(SafeText.EscapeControlCharacters(value), SlackMessageFormatter.MaxFieldText - header.Length, SafeText.TruncationMark));
    }

    private static string GroupStatus(AlertMessage message) => message.Kind == AlertMessageKind.FollowUp
        ? string.Create(CultureInfo.InvariantCulture, $"seen {message.EventCount} more times in the last {SlackMessageFormatter.FormatWindow(message.Window)}, {message.SeenSinceStart} since start")
        : message.Recurring
            ? string.Create(CultureInfo.InvariantCulture, $"recurring, seen {message.SeenSinceStart} times since start")
            : "new since start";
}
