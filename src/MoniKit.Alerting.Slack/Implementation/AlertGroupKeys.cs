using System.Security.Cryptography;
using System.Text;
using NLog;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// What makes two log events "the same" for storm control. Never the rendered message, which carries variable values
/// such as an elapsed time: the exception's error group (type and throw site), the event's kind and the fields that
/// name where it happened (route, job, table, remote host), the status of a 5xx without exception, the logger, and the
/// message template for events that have one. MoniKit's own events (those with <c>monikit.kind</c>) render their
/// message themselves, so their "template" is rendered text and is left out.
/// </summary>
internal static class AlertGroupKeys
{
    private static readonly string[] SiteFields =
        [LogFields.HttpRoute, LogFields.HttpRequestMethod, LogFields.JobName, LogFields.DbOperation, LogFields.DbCollection, LogFields.DbErrorClass, LogFields.ServerAddress];

    /// <summary>The key of <paramref name="logEvent"/>: 16 lower-case hex digits.</summary>
    /// <param name="logEvent">The event.</param>
    /// <param name="errorGroup">The exception's <see cref="ErrorGrouping.GetKey"/>, when it has one.</param>
    public static string Of(LogEventInfo logEvent, string? errorGroup)
    {
        var text = new StringBuilder(256).Append(logEvent.Level.Name).Append('\n').Append(logEvent.LoggerName).Append('\n').Append(errorGroup);
        var kind = Property(logEvent, LogFields.Kind);
        if (kind is null)
        {
            text.Append("\ntemplate=").Append(logEvent.Message);
        }
        else
        {
            text.Append("\nkind=").Append(kind);
            foreach (var name in SiteFields)
            {
                if (Property(logEvent, name) is { } value)
                {
                    text.Append('\n').Append(name).Append('=').Append(value);
                }
            }

            if (errorGroup is null && Property(logEvent, LogFields.HttpResponseStatusCode) is { } status)
            {
                text.Append("\nstatus=").Append(status);
            }
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return Convert.ToHexStringLower(hash[..8]);
    }

    private static string? Property(LogEventInfo logEvent, string name) =>
        logEvent.HasProperties && logEvent.Properties.TryGetValue(name, out var value) && value is not null
            ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
