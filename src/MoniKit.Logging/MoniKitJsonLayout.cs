using System.Buffers;
using System.Globalization;
using System.Text;
using MoniKit.Logging.Implementation;
using NLog;
using NLog.Layouts;

namespace MoniKit.Logging;

/// <summary>
/// Renders an NLog event as one line of the MoniKit log schema (<see cref="LogFields.CurrentSchemaVersion"/>): a
/// single JSON object, schema fields first, then the scope properties and the event's structured properties, then
/// the exception. A property named like an ECS field set or a MoniKit field moves under <c>labels.</c> or
/// <c>monikit.values.</c>; nothing is dropped. See <c>docs/log-schema.md</c>. Use it for extra targets that must write
/// the same lines as MoniKit's files.
/// </summary>
public sealed class MoniKitJsonLayout : Layout
{
    private static readonly string[] LevelNames = ["trace", "debug", "info", "warn", "error", "fatal"];

    private readonly string _serviceFields;
    private readonly PropertyNames _names;
    private readonly LogContextLayout _context;

    /// <summary>Creates the layout for one service, masking secrets by the built-in rules (<see cref="RedactionPolicy.Default"/>).</summary>
    /// <param name="service">The service identity written on every line.</param>
    public MoniKitJsonLayout(MoniKitOptions service)
        : this(service, RedactionPolicy.Default)
    {
    }

    /// <summary>
    /// Creates the layout for one service, masking secrets by a host's own policy, as MoniKit's files do: pass
    /// <c>builder.GetMoniKitRedactionPolicy()</c>, or the <see cref="RedactionPolicy"/> in the host's services.
    /// </summary>
    /// <param name="service">The service identity written on every line.</param>
    /// <param name="redaction">Which property names hold secrets; their values are masked in the fields and the message.</param>
    public MoniKitJsonLayout(MoniKitOptions service, RedactionPolicy redaction)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(redaction);
        _names = PropertyNames.For(redaction);
        _context = new LogContextLayout(_names);
        var builder = new StringBuilder();
        var serviceName = service.ServiceName ?? string.Empty;
        JsonText.AppendField(builder, LogFields.ServiceName, serviceName);
        JsonText.AppendField(builder, LogFields.ServiceVersion, service.ServiceVersion ?? string.Empty);
        JsonText.AppendField(builder, LogFields.ServiceEnvironment, service.Environment ?? string.Empty);
        if (serviceName.Length > 0)
        {
            JsonText.AppendField(builder, LogFields.EventDataset, EventDataset.Of(serviceName));
        }

        JsonText.AppendField(builder, LogFields.HostName, Environment.MachineName);
        builder.Append(",\"").Append(LogFields.ProcessPid).Append("\":").Append(Environment.ProcessId);
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
        Render(logEvent, target, _context.Render(logEvent));

    /// <summary>What <see cref="RenderLine"/> needs from the logging thread: the trace ids and scope properties.</summary>
    internal string? CaptureContext(LogEventInfo logEvent) => LogContextLayout.Capture(logEvent, _names);

    /// <summary>Renders a line whose context <see cref="CaptureContext"/> captured on the logging thread.</summary>
    internal void RenderLine(LogEventInfo logEvent, string? context, StringBuilder target) => Render(logEvent, target, context);

    private void Render(LogEventInfo logEvent, StringBuilder target, string? context)
    {
        context = string.IsNullOrEmpty(context) ? null : context;

        // One walk of the properties (NLog allocates an enumerator for it) into pooled arrays serves the scan for the
        // kind and secrets and the writing; each name is classified once.
        var properties = logEvent.HasProperties ? logEvent.Properties : null;
        var count = properties?.Count ?? 0;
        var items = count == 0 ? [] : ArrayPool<KeyValuePair<object, object?>>.Shared.Rent(count);
        var names = count == 0 ? [] : ArrayPool<PropertyName?>.Shared.Rent(count);
        try
        {
            properties?.CopyTo(items, 0);
            var kind = EventKinds.App;
            var hasSecret = false;
            for (var i = 0; i < count; i++)
            {
                var name = items[i].Key is string text ? _names.Classify(text) : null;
                names[i] = name;
                if (name?.Role == PropertyRole.Kind)
                {
                    kind = KnownKind(items[i].Value) ?? kind;
                }
                else if (name is { Sensitive: true, Role: PropertyRole.TopLevel or PropertyRole.Moved } && items[i].Value is not null)
                {
                    hasSecret = true;
                }
            }

            target.Append("{\"@timestamp\":\"");
            IsoTimestamp.Append(target, logEvent.TimeStamp);
            target.Append("\",\"log.level\":\"").Append(LevelNames[Math.Clamp(logEvent.Level.Ordinal, 0, 5)]);
            target.Append("\",\"message\":");
            var message = logEvent.FormattedMessage ?? string.Empty;
            JsonText.AppendString(target, hasSecret ? MaskSecrets(message, items.AsSpan(0, count), names.AsSpan(0, count)) : message);
            target.Append(",\"ecs.version\":\"" + LogFields.CurrentEcsVersion + "\",\"monikit.schema\":\""
                + LogFields.CurrentSchemaVersion + "\",\"monikit.kind\":\"");
            target.Append(kind).Append('"').Append(_serviceFields);
            JsonText.AppendString(target, logEvent.LoggerName ?? string.Empty);
            target.Append(context);
            EventProperties.Append(target, items.AsSpan(0, count), names.AsSpan(0, count), context);
        }
        finally
        {
            if (count > 0)
            {
                ArrayPool<KeyValuePair<object, object?>>.Shared.Return(items, clearArray: true);
                ArrayPool<PropertyName?>.Shared.Return(names, clearArray: true);
            }
        }

        if (logEvent.Exception is { } exception)
        {
            ExceptionFields.Append(target, exception);
        }

        target.Append('}');
    }

    /// <summary>The kind a <c>monikit.kind</c> property names, when it is one of <see cref="EventKinds.All"/>.</summary>
    internal static string? KnownKind(object? value)
    {
        if (value is string kind)
        {
            // Indexed: a foreach over the interface would allocate an enumerator for every line.
            var all = EventKinds.All;
            for (var i = 0; i < all.Count; i++)
            {
                if (string.Equals(all[i], kind, StringComparison.Ordinal))
                {
                    return all[i];
                }
            }
        }

        return null;
    }

    // A secret passed as a template argument is also in the rendered message; mask it there too.
    private static string MaskSecrets(string message, ReadOnlySpan<KeyValuePair<object, object?>> items, ReadOnlySpan<PropertyName?> names)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (names[i] is { Sensitive: true, Role: PropertyRole.TopLevel or PropertyRole.Moved } && items[i].Value is { } value)
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
}
