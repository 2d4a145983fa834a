namespace MoniKit.Alerting.Slack.Implementation;

/// <summary>
/// Slack's mrkdwn escaping (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>) and its length limits, which count the escaped
/// text: a cut is made in the raw text, on a character boundary (<see cref="SafeText.CutPoint"/>), so it can never
/// split an escape or a surrogate pair. Control characters are escaped first (<see cref="SafeText.EscapeControlCharacters"/>),
/// so a value can neither add lines nor send terminal escapes.
/// </summary>
internal static class SlackMarkdown
{
    /// <summary>Escapes a value for mrkdwn, control characters included.</summary>
    public static string Escape(string? text) => EscapeMarkup(SafeText.EscapeControlCharacters(text));

    /// <summary>
    /// Escapes <paramref name="text"/> for mrkdwn (its line breaks kept: the caller made it safe) and cuts it so that
    /// the result, <paramref name="mark"/> included, is at most <paramref name="maxLength"/> characters.
    /// </summary>
    /// <param name="text">Text whose control characters are already escaped, except line breaks the caller wants.</param>
    /// <param name="maxLength">The limit, counted on the escaped text.</param>
    /// <param name="mark">What ends a cut text; already valid mrkdwn.</param>
    public static string Fit(string text, int maxLength, string mark)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mark);
        var escaped = EscapeMarkup(text);
        if (escaped.Length <= maxLength)
        {
            return escaped;
        }

        var budget = maxLength - mark.Length;
        var length = 0;
        var keep = 0;
        while (keep < text.Length && length + Width(text[keep]) <= budget)
        {
            length += Width(text[keep]);
            keep++;
        }

        return EscapeMarkup(text[..SafeText.CutPoint(text, keep)]) + mark;
    }

    private static int Width(char c) => c switch
    {
        '&' => 5,
        '<' or '>' => 4,
        _ => 1,
    };

    private static string EscapeMarkup(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
}
