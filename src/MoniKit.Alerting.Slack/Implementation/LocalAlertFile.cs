using System.Globalization;
using System.Text.Json;

namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// The embedded default when no webhook is set: each alert is one JSON line in <c>alerts.json</c> in the log directory,
/// plus one line on standard error, so a service alerts with no infrastructure at all. With a webhook, it takes what
/// could not be delivered before shutdown, so that it is still visible after the process ends.
/// </summary>
internal sealed class LocalAlertFile(string path, AlertIdentity identity, AlertConsole console, int maxPending) : IAlertDestination
{
    public const string FileName = "alerts.json";

    // Names the writer of lines that summarise more than one event.
    private const string LoggerName = "MoniKit.Alerting.Slack";

    public string Path { get; } = path;

    public string Name => Path;

    public TimeSpan MinInterval => TimeSpan.Zero;

    // No rate limit to respect: a burst waits only as long as the queue does.
    public int MaxPending { get; } = maxPending;

    public Task<DeliveryResult> DeliverAsync(AlertMessage message, CancellationToken cancellationToken) =>
        Task.FromResult(Write(message, reason: null));

    /// <summary>Writes one message; <paramref name="reason"/>, one of <see cref="DropReasons"/>, says why it is here rather than in Slack.</summary>
    public DeliveryResult Write(AlertMessage message, string? reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headline = Headline(message);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            using (var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
            {
                WriteLine(stream, message, headline, reason);
            }

            console.WriteLine(reason is null ? $"ALERT {headline}" : $"ALERT {headline} (not sent to Slack: {reason})");
            return DeliveryResult.Delivered;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new DeliveryResult(DeliveryOutcome.Transient, null, ex.GetType().Name);
        }
    }

    private string Headline(AlertMessage message)
    {
        var alert = message.Sample;
        return message.Kind switch
        {
            AlertMessageKind.Alert => $"[{identity.Service}] {alert!.Level}: {alert.DisplayMessage}" + (alert.ErrorType is null ? string.Empty : $" ({alert.ErrorType})"),
            AlertMessageKind.FollowUp => string.Create(CultureInfo.InvariantCulture, $"[{identity.Service}] +{message.EventCount} more in the last {SlackMessageFormatter.FormatWindow(message.Window)}: {alert!.DisplayTemplate}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"[{identity.Service}] {message.EventCount} alert events not delivered"),
        };
    }

    private void WriteLine(Stream stream, AlertMessage message, string headline, string? reason)
    {
        var alert = message.Sample;
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString(LogFields.Timestamp, (alert?.Timestamp ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString(LogFields.Level, (alert?.Level ?? "Warn").ToLowerInvariant());
            json.WriteString(LogFields.Message, headline);
            json.WriteString(LogFields.EcsVersion, LogFields.CurrentEcsVersion);
            json.WriteString(LogFields.SchemaVersion, LogFields.CurrentSchemaVersion);
            json.WriteString(LogFields.Kind, EventKinds.Alert);
            json.WriteString(LogFields.ServiceName, identity.Service);
            json.WriteString(LogFields.ServiceVersion, identity.Version);
            json.WriteString(LogFields.ServiceEnvironment, identity.Environment);
            json.WriteString(LogFields.HostName, identity.Host);
            json.WriteString(LogFields.Logger, alert?.Logger ?? LoggerName);
            json.WriteString(LogFields.AlertKind, message.Kind switch
            {
                AlertMessageKind.Alert => "alert",
                AlertMessageKind.FollowUp => "follow_up",
                _ => "undelivered",
            });
            json.WriteNumber(LogFields.AlertCount, message.EventCount);
            WriteOptional(json, LogFields.AlertReason, message.Undelivered is null ? reason : Reasons(message.Undelivered));
            if (alert is not null)
            {
                json.WriteString(LogFields.AlertGroup, alert.ErrorGroup);
                json.WriteString(LogFields.AlertGroupStatus, message.Recurring ? "recurring" : "new");
                json.WriteNumber(LogFields.AlertSeen, message.SeenSinceStart);
                WriteOptional(json, LogFields.ErrorType, alert.ErrorType);
                WriteOptional(json, LogFields.ErrorMessage, alert.ErrorMessage);
                // An exception that was never thrown has no stack; the schema still wants the field beside error.type.
                WriteOptional(json, LogFields.ErrorStackTrace, alert.ErrorType is null ? alert.StackTrace : alert.StackTrace ?? string.Empty);
                WriteOptional(json, LogFields.ErrorGroupingKey, alert.ErrorType is null ? null : alert.ErrorGroup);
                WriteOptional(json, LogFields.TraceId, alert.TraceId);
            }

            json.WriteEndObject();
        }

        stream.Write("\n"u8);
    }

    private static string Reasons(IReadOnlyDictionary<string, long> undelivered) =>
        string.Join(", ", undelivered.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}: {r.Value}")));

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
