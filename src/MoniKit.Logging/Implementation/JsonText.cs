using System.Buffers;
using System.Text;

namespace MoniKit.Logging.Implementation;

/// <summary>Appends JSON string content so that no value can break the one-object-per-line format.</summary>
internal static class JsonText
{
    // Quotes, backslash, C0 and C1 controls, DEL, the Unicode line and paragraph separators (which some readers treat
    // as line breaks) and every surrogate (to check pairing).
    private static readonly SearchValues<char> Special = SearchValues.Create(BuildSpecial());

    private static readonly string[] ShortEscapes = BuildShortEscapes();

    /// <summary>Appends <paramref name="value"/> as a quoted JSON string.</summary>
    public static void AppendString(StringBuilder builder, ReadOnlySpan<char> value)
    {
        builder.Append('"');
        AppendEscaped(builder, value);
        builder.Append('"');
    }

    /// <summary>Appends <c>,"name":"value"</c>; <paramref name="name"/> is a schema field name, which needs no escaping.</summary>
    public static void AppendField(StringBuilder builder, string name, ReadOnlySpan<char> value)
    {
        builder.Append(",\"").Append(name).Append("\":");
        AppendString(builder, value);
    }

    /// <summary>Appends the escaped content of <paramref name="value"/>, without quotes.</summary>
    public static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> value)
    {
        while (true)
        {
            var index = value.IndexOfAny(Special);
            if (index < 0)
            {
                builder.Append(value);
                return;
            }

            builder.Append(value[..index]);
            var c = value[index];
            if (char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                builder.Append(c).Append(value[index + 1]);
                value = value[(index + 2)..];
                continue;
            }

            if (char.IsSurrogate(c))
            {
                builder.Append("\\ufffd");
            }
            else if (c < ShortEscapes.Length && ShortEscapes[c] is { } escape)
            {
                builder.Append(escape);
            }
            else
            {
                AppendUnicodeEscape(builder, c);
            }

            value = value[(index + 1)..];
        }
    }

    private static void AppendUnicodeEscape(StringBuilder builder, char c)
    {
        Span<char> hex = stackalloc char[6];
        hex[0] = '\\';
        hex[1] = 'u';
        ((int)c).TryFormat(hex[2..], out _, "x4", provider: null);
        builder.Append(hex);
    }

    private static string BuildSpecial()
    {
        var chars = new StringBuilder("\"\\\u2028\u2029");
        for (var c = '\u0000'; c <= '\u001f'; c++)
        {
            chars.Append(c);
        }

        for (var c = '\u007f'; c <= '\u009f'; c++)
        {
            chars.Append(c);
        }

        for (var c = '\ud800'; c <= '\udfff'; c++)
        {
            chars.Append(c);
        }

        return chars.ToString();
    }

    private static string[] BuildShortEscapes()
    {
        var escapes = new string[128];
        escapes['"'] = "\\\"";
        escapes['\\'] = "\\\\";
        escapes['\n'] = "\\n";
        escapes['\r'] = "\\r";
        escapes['\t'] = "\\t";
        escapes['\b'] = "\\b";
        escapes['\f'] = "\\f";
        return escapes;
    }
}
