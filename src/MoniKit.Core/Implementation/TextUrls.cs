using System.Text;

namespace MoniKit.Implementation;

/// <summary>Finds the URLs in free text, such as a <c>Referer</c>, <c>Location</c> or <c>Link</c> value, and redacts each.</summary>
internal static class TextUrls
{
    // What ends a URL in a header or a sentence: spaces, list commas, and the brackets and quotes around it.
    private static readonly char[] Delimiters = [' ', '\t', '\r', '\n', ',', '<', '>', '"', '\''];

    public static string Redact(RedactionPolicy policy, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny('?', '#', '@') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(Delimiters, start);
            if (end < 0)
            {
                end = text.Length;
            }

            var word = text[start..end];
            builder.Append(IsUrl(word) ? UrlRedactor.RedactUrl(policy, word, depth: 0) : word);
            if (end < text.Length)
            {
                builder.Append(text[end]);
            }

            start = end + 1;
        }

        return builder.ToString();
    }

    private static bool IsUrl(string word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith('/') || word.AsSpan().IndexOfAny('?', '#') >= 0;
}
