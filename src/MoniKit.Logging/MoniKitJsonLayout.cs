using System.Buffers;
using System.Globalization;
using System.Text;
using MoniKit.Logging.Implementation;
using NLog;
using NLog.Layouts;

namespace MoniKit.Logging;

/// <summary>
/// Renders an NLog event as one line of MoniKit log schema v1: a single JSON object, schema fields first, then the
/// event's structured properties and scope properties as top-level fields, then the exception. See
/// <c>docs/log-schema.md</c>. Use it for extra targets that must write the same lines as MoniKit's files.
/// </summary>
public sealed class MoniKitJsonLayout : Layout
{
    private static readonly string[] LevelNames = ["trace", "debug", "info", "warn", "error", "fatal"];

    private readonly string _serviceFields;
    private readonly LogContextLayout _context = new();

    /// <summary>Creates the layout for one service.</summary>
    /// <param name="service">The service identity written on every line.</param>
    public MoniKitJsonLayout(MoniKitOptions service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var builder = new StringBuilder();
        AppendField(builder, LogFields.ServiceName, service.ServiceName ?? string.Empty);
        AppendField(builder, LogFields.ServiceVersion, service.ServiceVersion ?? string.Empty);
        AppendField(builder, LogFields.ServiceEnvironment, service.Environment ?? string.Empty);
        AppendField(builder, LogFields.HostName, Environment.MachineName);
        builder.Append(",\"").Append(LogFields.Logger).Append("\":");
        _serviceFields = builder.ToString();
    }

    /// <summary>Only the trace ids and scope properties depend on the calling thread, so only they are captured there.</summary>
    /// <param name="logEvent">The event about to be queued.</param>
    public override void Precalculate(LogEventInfo logEvent) => _context.Precalculate(logEvent);

    /// <inheritdoc/>
    protected override string GetFormattedMessage(LogEventInfo logEvent)
    {
        var builder = new StringBuilder(512);
        RenderFormattedMessage(logEvent, builder);
        return builder.ToString();
    }

    /// <inheritdoc/>
    protected override void RenderFormattedMessage(LogEventInfo logEvent, StringBuilder target) =>
        Render(logEvent, target, context: null, contextCaptured: false);

    /// <summary>Renders a line whose context <see cref="LogContextLayout.Capture"/> captured on the logging thread.</summary>
    internal void RenderLine(LogEventInfo logEvent, string? context, StringBuilder target) =>
        Render(logEvent, target, context, contextCaptured: true);

    private void Render(LogEventInfo logEvent, StringBuilder target, string? context, bool contextCaptured)
    {
        // One walk of the properties (NLog allocates an enumerator for it) into a pooled array serves both the scan for
        // the kind and secrets and the writing.
        var properties = logEvent.HasProperties ? logEvent.Properties : null;
        var count = properties?.Count ?? 0;
        var items = count == 0 ? [] : ArrayPool<KeyValuePair<object, object?>>.Shared.Rent(count);
        try
        {
            properties?.CopyTo(items, 0);
            var kind = EventKinds.App;
            var hasSecret = false;
            for (var i = 0; i < count; i++)
            {
                if (items[i].Key is not string name)
                {
                    continue;
                }

                if (name == LogFields.Kind)
                {
                    kind = KnownKind(items[i].Value) ?? kind;
                }
                else if (items[i].Value is not null && PropertyWriter.IsWritable(name) && PropertyWriter.IsSensitive(name))
                {
                    hasSecret = true;
                }
            }

            target.Append("{\"@timestamp\":\"");
            IsoTimestamp.Append(target, logEvent.TimeStamp);
            target.Append("\",\"log.level\":\"").Append(LevelNames[Math.Clamp(logEvent.Level.Ordinal, 0, 5)]);
            target.Append("\",\"message\":");
            var message = logEvent.FormattedMessage ?? string.Empty;
            JsonText.AppendString(target, hasSecret ? MaskSecrets(message, items.AsSpan(0, count)) : message);
            target.Append(",\"ecs.version\":\"" + LogFields.CurrentEcsVersion + "\",\"monikit.schema\":\""
                + LogFields.CurrentSchemaVersion + "\",\"monikit.kind\":\"");
            target.Append(kind).Append('"').Append(_serviceFields);
            JsonText.AppendString(target, logEvent.LoggerName ?? string.Empty);
            if (contextCaptured)
            {
                target.Append(context);
            }
            else
            {
                _context.Render(logEvent, target);
            }

            AppendProperties(target, items.AsSpan(0, count));
        }
        finally
        {
            if (count > 0)
            {
                ArrayPool<KeyValuePair<object, object?>>.Shared.Return(items, clearArray: true);
            }
        }

        if (logEvent.Exception is { } exception)
        {
            AppendException(target, exception);
        }

        target.Append('}');
    }

    private static string? KnownKind(object? value)
    {
        foreach (var known in EventKinds.All)
        {
            if (value is string kind && string.Equals(known, kind, StringComparison.Ordinal))
            {
                return known;
            }
        }

        return null;
    }

    // A secret passed as a template argument is also in the rendered message; mask it there too.
    private static string MaskSecrets(string message, ReadOnlySpan<KeyValuePair<object, object?>> items)
    {
        foreach (var (key, value) in items)
        {
            if (key is string name && value is not null && PropertyWriter.IsWritable(name) && PropertyWriter.IsSensitive(name))
            {
                var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                if (!string.IsNullOrEmpty(text))
                {
                    message = message.Replace(text, Redaction.Mask, StringComparison.Ordinal);
                }
            }
        }

        return message;
    }

    private static void AppendProperties(StringBuilder target, ReadOnlySpan<KeyValuePair<object, object?>> items)
    {
        string? eventName = null;
        var eventId = 0;
        foreach (var (key, value) in items)
        {
            if (key is not string name)
            {
                continue;
            }

            if (PropertyWriter.IsWritable(name))
            {
                PropertyWriter.Append(target, name, value);
            }
            else if (name == PropertyWriter.EventNameProperty && value is string { Length: > 0 } text)
            {
                eventName = text;
            }
            else if (name == PropertyWriter.EventIdProperty && value is int id)
            {
                eventId = id;
            }
        }

        if (eventName is not null)
        {
            AppendField(target, LogFields.EventAction, eventName);
        }
        else if (eventId != 0)
        {
            target.Append(",\"" + LogFields.EventAction + "\":\"").Append(eventId).Append('"');
        }
    }

    private static void AppendException(StringBuilder target, Exception exception)
    {
        AppendField(target, LogFields.ErrorType, exception.GetType().FullName ?? exception.GetType().Name);
        AppendField(target, LogFields.ErrorMessage, exception.Message);
        string stackTrace;
        try
        {
            stackTrace = exception.ToString();
        }
#pragma warning disable CA1031 // An exception whose ToString fails must still be logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            stackTrace = exception.StackTrace + Environment.NewLine + "(ToString() threw " + ex.GetType().FullName + ")";
        }

        AppendField(target, LogFields.ErrorStackTrace, stackTrace);
    }

    private static void AppendField(StringBuilder target, string name, string value)
    {
        target.Append(",\"").Append(name).Append("\":");
        JsonText.AppendString(target, value);
    }
}
