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
        var afterUrl = false;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(Delimiters, start);
            if (end < 0)
            {
                end = text.Length;
            }

            var word = text.AsSpan(start, end - start);
            var closing = ClosingParenthesis(word);
            word = word[..^closing];
            if (IsUrl(word))
            {
                builder.Append(UrlRedactor.RedactUrl(policy, word.ToString(), depth: 0));
                afterUrl = true;
            }
            else
            {
                // A space inside a query splits it into words: pairs after a URL still follow the query rule.
                builder.Append(afterUrl && word.Contains('=') ? UrlRedactor.RedactQuery(policy, word, depth: 0) : word);
            }

            builder.Append(')', closing);
            if (end < text.Length)
            {
                builder.Append(text[end]);
            }

            start = end + 1;
        }

        return builder.ToString();
    }

    private static bool IsUrl(ReadOnlySpan<char> word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith('/') || word.IndexOfAny('?', '#') >= 0;

    // "(see https://x/?a=1)": the last parenthesis closes the sentence's, not the URL's.
    private static int ClosingParenthesis(ReadOnlySpan<char> word) =>
        word.Length > 1 && word[^1] == ')' && word.Count(')') > word[1..].Count('(') ? 1 : 0;
}
