using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>Writes an event's own structured properties, after its scope context, and its event id as <c>event.action</c>.</summary>
internal static class EventProperties
{
    /// <param name="target">The line.</param>
    /// <param name="items">The event's properties.</param>
    /// <param name="names">Each property's name, classified; <see langword="null"/> for a key that is no string.</param>
    /// <param name="context">The scope fields already written, so that no moved name is written twice.</param>
    public static void Append(StringBuilder target, ReadOnlySpan<KeyValuePair<object, object?>> items, ReadOnlySpan<PropertyName?> names, string? context)
    {
        string? eventName = null;
        var eventId = 0;
        var moved = new MovedFields(context);
        try
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (names[i] is not { } name)
                {
                    continue;
                }

                var value = items[i].Value;
                switch (name.Role)
                {
                    case PropertyRole.Template:
                    case PropertyRole.Kind when MoniKitJsonLayout.KnownKind(value) is not null:
                    case PropertyRole.EventName when value is null:
                    case PropertyRole.EventId when value is 0:
                        continue;
                    case PropertyRole.EventName when value is string text:
                        eventName = text;
                        continue;
                    case PropertyRole.EventId when value is int id:
                        eventId = id;
                        continue;
                    default:
                        PropertyWriter.Append(target, name, value, ref moved);
                        continue;
                }
            }
        }
        finally
        {
            moved.Release();
        }

        if (eventName is { Length: > 0 })
        {
            JsonText.AppendField(target, LogFields.EventAction, eventName);
        }
        else if (eventId != 0)
        {
            target.Append(",\"" + LogFields.EventAction + "\":\"").Append(eventId).Append('"');
        }
    }
}
