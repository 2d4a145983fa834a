using System.Text;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Replaces every string and number literal of a SQL text with <c>?</c>, so a value written into the SQL itself
/// never reaches a log line, and splits the rest into tokens for <see cref="SqlStatementParser"/>.
/// Placeholders (<c>@name</c>, <c>:name</c>, <c>$1</c>, <c>?</c>), identifiers and comments are kept.
/// </summary>
internal static class SqlSanitizer
{
    public static string Sanitize(string sql, bool doubleQuotesAreStrings, bool bracketsAreNames, List<SqlToken> tokens)
    {
        var text = new StringBuilder(sql.Length);
        var depth = 0;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (c == '-' && At(sql, i + 1) == '-')
            {
                i = IndexOrEnd(sql, '\n', i);
                text.Append(sql, start, i - start);
            }
            else if (c == '/' && At(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                text.Append(sql, start, i - start);
            }
            else if (c == '\'' || (c == '"' && doubleQuotesAreStrings))
            {
                i = SkipQuoted(sql, i, c);
                text.Append('?');
            }
            else if (c is '"' or '`' || (c == '[' && bracketsAreNames))
            {
                var close = c == '[' ? ']' : c;
                i = SkipQuoted(sql, i, close);
                text.Append(sql, start, i - start);
                tokens.Add(new(SqlTokenKind.QuotedName, sql[(start + 1)..Math.Max(start + 1, i - 1)], depth));
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + tag.Length;
                text.Append('?');
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(At(sql, i + 1))))
            {
                i = SkipNumber(sql, i);
                text.Append('?');
            }
            else if (IsNameStart(c) || c is '@' or ':' or '$' or '?')
            {
                i++;
                while (i < sql.Length && IsNamePart(sql[i]))
                {
                    i++;
                }

                text.Append(sql, start, i - start);
                tokens.Add(new(IsNameStart(c) ? SqlTokenKind.Word : SqlTokenKind.Other, sql[start..i], depth));
            }
            else
            {
                i++;
                text.Append(c);
                if (char.IsWhiteSpace(c))
                {
                    continue;
                }

                depth = c == '(' ? depth + 1 : c == ')' ? Math.Max(0, depth - 1) : depth;
                var kind = c == '.' ? SqlTokenKind.Dot : c == '(' ? SqlTokenKind.Open : SqlTokenKind.Other;
                tokens.Add(new(kind, c.ToString(), c == '(' ? depth - 1 : depth));
            }
        }

        return text.ToString();
    }

    private static char At(string sql, int index) => index < sql.Length ? sql[index] : '\0';

    private static int IndexOrEnd(string sql, char c, int from)
    {
        var index = sql.IndexOf(c, from);
        return index < 0 ? sql.Length : index;
    }

    // A doubled closing character is an escaped one ('it''s').
    private static int SkipQuoted(string sql, int start, char close)
    {
        var i = start + 1;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                if (At(sql, i + 1) == close && close != ']')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return sql.Length;
    }

    private static string? DollarTag(string sql, int start)
    {
        var i = start + 1;
        while (i < sql.Length && (char.IsAsciiLetter(sql[i]) || sql[i] == '_' || (i > start + 1 && char.IsAsciiDigit(sql[i]))))
        {
            i++;
        }

        return At(sql, i) == '$' ? sql[start..(i + 1)] : null;
    }

    private static int SkipNumber(string sql, int i)
    {
        if (sql[i] == '0' && At(sql, i + 1) is 'x' or 'X')
        {
            i += 2;
            while (i < sql.Length && char.IsAsciiHexDigit(sql[i]))
            {
                i++;
            }

            return i;
        }

        while (i < sql.Length && (char.IsAsciiDigit(sql[i]) || sql[i] == '.'))
        {
            i++;
        }

        if (At(sql, i) is 'e' or 'E' && (char.IsAsciiDigit(At(sql, i + 1)) || (At(sql, i + 1) is '+' or '-' && char.IsAsciiDigit(At(sql, i + 2)))))
        {
            i += 2;
            while (i < sql.Length && char.IsAsciiDigit(sql[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
