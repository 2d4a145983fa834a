using System.Collections;
using System.Globalization;
using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>Appends a structured property value: numbers and booleans as JSON, everything else as a string.</summary>
internal static class JsonValue
{
    /// <summary>The JSON type <see cref="Append"/> writes <paramref name="value"/> as.</summary>
    public static JsonKind KindOf(object? value) => value switch
    {
        null => JsonKind.Null,
        bool => JsonKind.Boolean,
        int or long or short or byte or sbyte or ushort or uint or ulong or decimal => JsonKind.Number,
        double number => double.IsFinite(number) ? JsonKind.Number : JsonKind.String,
        float number => float.IsFinite(number) ? JsonKind.Number : JsonKind.String,
        _ => JsonKind.String,
    };

    public static void Append(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string text:
                JsonText.AppendString(builder, text);
                return;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                return;
            case int number:
                AppendFormattable(builder, number, format: default, quote: false);
                return;
            case long number:
                AppendFormattable(builder, number, format: default, quote: false);
                return;
            case short or byte or sbyte or ushort or uint or ulong or decimal:
                AppendFormattable(builder, (ISpanFormattable)value, format: default, quote: false);
                return;
            case double number:
                AppendFloat(builder, number);
                return;
            case float number:
                AppendFloat(builder, number);
                return;
            case DateTime time:
                AppendFormattable(builder, time, "O", quote: true);
                return;
            case DateTimeOffset time:
                AppendFormattable(builder, time, "O", quote: true);
                return;
            case Enum:
                JsonText.AppendString(builder, value.ToString());
                return;
            case ISpanFormattable formattable:
                AppendFormattable(builder, formattable, format: default, quote: true);
                return;
            case IEnumerable items:
                JsonText.AppendString(builder, JoinItems(items));
                return;
            default:
                JsonText.AppendString(builder, SafeToString(value));
                return;
        }
    }

    private static void AppendFloat(StringBuilder builder, double number)
    {
        if (double.IsFinite(number))
        {
            AppendFormattable(builder, number, "R", quote: false);
        }
        else
        {
            // JSON has no NaN or Infinity literals.
            JsonText.AppendString(builder, number.ToString(CultureInfo.InvariantCulture));
        }
    }

    // Generic so that a double or a DateTime is formatted without being boxed again.
    private static void AppendFormattable<T>(StringBuilder builder, T value, ReadOnlySpan<char> format, bool quote)
        where T : ISpanFormattable
    {
        Span<char> buffer = stackalloc char[64];
        if (value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture))
        {
            if (quote)
            {
                JsonText.AppendString(builder, buffer[..written]);
            }
            else
            {
                builder.Append(buffer[..written]);
            }

            return;
        }

        var text = value.ToString(format.IsEmpty ? null : format.ToString(), CultureInfo.InvariantCulture);
        if (quote)
        {
            JsonText.AppendString(builder, text);
        }
        else
        {
            builder.Append(text);
        }
    }

    private static string JoinItems(IEnumerable items)
    {
        var text = new StringBuilder("[");
        foreach (var item in items)
        {
            if (text.Length > 1)
            {
                text.Append(", ");
            }

            text.Append(item is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : SafeToString(item));
        }

        return text.Append(']').ToString();
    }

    private static string SafeToString(object? value)
    {
        try
        {
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        }
#pragma warning disable CA1031 // A broken ToString of a user's object must not lose the log line.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"<{value?.GetType().FullName}.ToString() threw {ex.GetType().FullName}>";
        }
    }
}
