using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;

namespace MoniKit.Metrics.Implementation;

/// <summary>
/// Writes an attribute value as an escaped label value, following the OpenTelemetry specification's representation
/// for non-OTLP protocols: strings as they are, booleans and numbers as JSON (<c>NaN</c>, <c>Infinity</c>,
/// <c>-Infinity</c>), byte arrays in Base64, other arrays as JSON arrays.
/// </summary>
internal static class AttributeValueText
{
    public static void Write(ArrayBufferWriter<byte> output, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                output.WriteEscaped(text);
                return;
            case bool flag:
                output.Write(flag ? "true"u8 : "false"u8);
                return;
            case double or float:
                WriteNumber(output, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                return;
            case byte[] bytes:
                output.WriteEscaped(Convert.ToBase64String(bytes));
                return;
            case IEnumerable sequence:
                var json = new StringBuilder();
                AppendJsonArray(json, sequence);
                output.WriteEscaped(json.ToString());
                return;
            case IUtf8SpanFormattable formattable:
                var span = output.GetSpan(64);
                if (formattable.TryFormat(span, out var written, default, CultureInfo.InvariantCulture))
                {
                    output.Advance(written);
                    return;
                }

                break;
        }

        output.WriteEscaped(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
    }

    private static void WriteNumber(ArrayBufferWriter<byte> output, double value)
    {
        if (double.IsNaN(value))
        {
            output.Write("NaN"u8);
        }
        else if (double.IsInfinity(value))
        {
            output.Write(value > 0 ? "Infinity"u8 : "-Infinity"u8);
        }
        else
        {
            output.WriteDouble(value);
        }
    }

    private static void AppendJsonArray(StringBuilder json, IEnumerable sequence)
    {
        json.Append('[');
        var first = true;
        foreach (var item in sequence)
        {
            json.Append(first ? string.Empty : ",");
            first = false;
            AppendJsonValue(json, item);
        }

        json.Append(']');
    }

    private static void AppendJsonValue(StringBuilder json, object? item)
    {
        switch (item)
        {
            case null:
                json.Append("null");
                break;
            case string text:
                AppendJsonString(json, text);
                break;
            case bool flag:
                json.Append(flag ? "true" : "false");
                break;
            case double or float:
                var number = Convert.ToDouble(item, CultureInfo.InvariantCulture);
                if (double.IsFinite(number))
                {
                    json.Append(number.ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    // Inside an array the specification keeps non-finite numbers as JSON strings.
                    AppendJsonString(json, double.IsNaN(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity");
                }

                break;
            case sbyte or byte or short or ushort or int or uint or long or ulong or decimal:
                json.Append(Convert.ToString(item, CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                AppendJsonString(json, Convert.ToBase64String(bytes));
                break;
            case IEnumerable nested:
                AppendJsonArray(json, nested);
                break;
            default:
                AppendJsonString(json, Convert.ToString(item, CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void AppendJsonString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\t' => json.Append("\\t"),
                < ' ' => json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => json.Append(c),
            };
        }

        json.Append('"');
    }
}
