using System.Text;

namespace MoniKit;

/// <summary>
/// The one policy for text that people read (standard error, a text console, Slack): control characters are escaped,
/// so user input can neither start a forged line nor send terminal escapes, and text is cut on a character boundary
/// with a visible mark, never inside a surrogate pair.
/// </summary>
internal static class SafeText
{
    /// <summary>The mark <see cref="Truncate"/> appends by default.</summary>
    public const string TruncationMark = "…";

    /// <summary>
    /// Returns <paramref name="text"/> with every control character written visibly: <c>\r</c>, <c>\n</c>, <c>\t</c>,
    /// and <c>\u001b</c>-style escapes for the other C0 and C1 controls, DEL, U+2028 and U+2029. Backslashes are kept
    /// as they are, so ordinary paths and regular expressions read unchanged.
    /// </summary>
    public static string EscapeControlCharacters(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var first = IndexOfControl(text);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> UTF-16 characters, the mark included, on
    /// a character boundary: a surrogate pair is kept whole or dropped whole. Text that fits is returned as it is.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The most characters the result may have; at least the mark's length.</param>
    /// <param name="mark">What marks the cut; <see cref="TruncationMark"/> by default.</param>
    public static string Truncate(string? text, int maxLength, string mark = TruncationMark)
    {
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, mark.Length);
        if (text is null || text.Length <= maxLength)
        {
            return text ?? string.Empty;
        }

        var keep = CutPoint(text, maxLength - mark.Length);
        return string.Concat(text.AsSpan(0, keep), mark);
    }

    /// <summary>The largest length at or below <paramref name="length"/> that does not split a surrogate pair.</summary>
    public static int CutPoint(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (length >= text.Length)
        {
            return text.Length;
        }

        return length > 0 && char.IsHighSurrogate(text[length - 1]) ? length - 1 : Math.Max(length, 0);
    }

    private static int IndexOfControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsControl(char c) => c < ' ' || (c >= '\u007f' && c <= '\u009f') || c is '\u2028' or '\u2029';
}
