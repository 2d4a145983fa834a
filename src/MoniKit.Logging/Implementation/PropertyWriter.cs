using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>Writes structured properties as top-level fields: never over a schema field, secrets masked.</summary>
internal static class PropertyWriter
{
    /// <summary>The name NLog gives the message template text; the rendered message is already written.</summary>
    public const string OriginalFormat = "{OriginalFormat}";

    /// <summary>The properties NLog.Extensions.Logging makes from a Microsoft.Extensions.Logging event id.</summary>
    public const string EventIdProperty = "EventId";

    /// <summary>The property holding an event id's name.</summary>
    public const string EventNameProperty = "EventName";

    // Fields the layout writes itself; a property with one of these names is dropped rather than written twice.
    private static readonly FrozenSet<string> Reserved = new[]
    {
        LogFields.Timestamp, LogFields.Level, LogFields.Message, LogFields.EcsVersion, LogFields.SchemaVersion,
        LogFields.Kind, LogFields.ServiceName, LogFields.ServiceVersion, LogFields.ServiceEnvironment,
        LogFields.HostName, LogFields.Logger, LogFields.TraceId, LogFields.SpanId, LogFields.EventAction,
        LogFields.ErrorType, LogFields.ErrorMessage, LogFields.ErrorStackTrace, OriginalFormat, EventIdProperty,
        EventNameProperty,
    }.ToFrozenSet(StringComparer.Ordinal);

    private const int MaxCachedNames = 4096;

    // Property names are almost always template constants, so the substring checks run once per name.
    private static readonly ConcurrentDictionary<string, bool> SensitiveCache = new(StringComparer.Ordinal);

    /// <summary>Whether a property with this name is written at all.</summary>
    public static bool IsWritable(string? name) => !string.IsNullOrEmpty(name) && !Reserved.Contains(name);

    /// <summary>Appends <c>,"name":value</c>, masking the value when the name marks a secret.</summary>
    public static void Append(StringBuilder builder, string name, object? value)
    {
        builder.Append(',');
        JsonText.AppendString(builder, name);
        builder.Append(':');
        if (IsSensitive(name))
        {
            builder.Append('"').Append(Redaction.Mask).Append('"');
        }
        else
        {
            JsonValue.Append(builder, value);
        }
    }

    /// <summary>Whether the value of a property with this name is a secret (<see cref="Redaction.IsSensitiveName"/>).</summary>
    public static bool IsSensitive(string name)
    {
        if (SensitiveCache.TryGetValue(name, out var sensitive))
        {
            return sensitive;
        }

        sensitive = Redaction.IsSensitiveName(name);
        if (SensitiveCache.Count < MaxCachedNames)
        {
            SensitiveCache.TryAdd(name, sensitive);
        }

        return sensitive;
    }
}
