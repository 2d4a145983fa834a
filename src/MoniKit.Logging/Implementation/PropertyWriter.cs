using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Writes structured properties: a schema field an event sets, or a name of the service's own, at the top level; any
/// other name under <c>labels.</c> (strings) or <c>monikit.values.</c> (numbers, booleans); secrets masked wherever
/// they go. No value is dropped.
/// </summary>
internal static class PropertyWriter
{
    /// <summary>The name NLog gives the message template text; the rendered message is already written.</summary>
    public const string OriginalFormat = "{OriginalFormat}";

    /// <summary>The properties NLog.Extensions.Logging makes from a Microsoft.Extensions.Logging event id.</summary>
    public const string EventIdProperty = "EventId";

    /// <summary>The property holding an event id's name.</summary>
    public const string EventNameProperty = "EventName";

    /// <summary>
    /// Appends <c>,"field":value</c>: at the top level when the name and the value's type allow it, otherwise under
    /// a moved name that <paramref name="moved"/> keeps unique in the line.
    /// </summary>
    public static void Append(StringBuilder builder, PropertyName name, object? value, ref MovedFields moved)
    {
        var kind = name.Sensitive ? JsonKind.String : JsonKind.Null;
        if (!name.Sensitive && (name.Role == PropertyRole.Moved || name.SchemaType is not null))
        {
            kind = JsonValue.KindOf(value);
        }

        if ((name.Role is PropertyRole.TopLevel or PropertyRole.EventId or PropertyRole.EventName) && Fits(name.SchemaType, kind))
        {
            builder.Append(name.TopLevelField);
        }
        else
        {
            builder.Append(moved.Claim(kind is JsonKind.Number or JsonKind.Boolean ? name.ValueField : name.LabelField));
        }

        if (name.Sensitive)
        {
            builder.Append('"').Append(Redaction.Mask).Append('"');
        }
        else
        {
            JsonValue.Append(builder, value);
        }
    }

    // A schema field keeps its type, so an index never sees two: a property of another type is moved instead.
    private static bool Fits(FieldType? type, JsonKind kind) => type switch
    {
        null => true,
        FieldType.Number => kind == JsonKind.Number,
        FieldType.Text => kind == JsonKind.String,
        _ => kind is JsonKind.String or JsonKind.Null,
    };
}
