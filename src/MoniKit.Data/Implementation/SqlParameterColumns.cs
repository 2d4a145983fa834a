namespace MoniKit.Data.Implementation;

/// <summary>
/// Finds the placeholders bound to a column whose name is a secret, so that a parameter named <c>@p1</c> (as EF Core
/// and most ORMs name them) is masked when it fills <c>password</c>: in a comparison or assignment
/// (<c>password = @p1</c>, <c>SET "Password" = $2</c>) and by position in <c>INSERT INTO t (a, password) VALUES (@p0, @p1)</c>.
/// </summary>
internal static class SqlParameterColumns
{
    /// <summary>A placeholder or parameter name without its prefix: <c>@p0</c>, <c>:p0</c> and <c>p0</c> are all <c>p0</c>.</summary>
    public static string Bare(string name) => name.TrimStart('@', ':', '$', '?');

    public static IReadOnlySet<string> Find(List<SqlToken> tokens, RedactionPolicy redaction)
    {
        HashSet<string>? secret = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (IsPlaceholder(tokens[i]) && (ColumnBefore(tokens, i) ?? ColumnAfter(tokens, i)) is { } column && redaction.IsSensitiveName(column))
            {
                (secret ??= new(StringComparer.Ordinal)).Add(Bare(tokens[i].Value));
            }
            else if (tokens[i].IsWord("INSERT"))
            {
                AddInsertValues(tokens, i, redaction, ref secret);
            }
        }

        return secret ?? SqlStatementInfo.NoPlaceholders;
    }

    private static bool IsPlaceholder(SqlToken token) =>
        token.Kind == SqlTokenKind.Other && token.Value.Length > 1 && token.Value[0] is '@' or ':' or '$' or '?';

    private static bool IsOperator(SqlToken token) =>
        (token.Kind == SqlTokenKind.Other && token.Value is "=" or "<" or ">" or "!")
        || token.IsWord("LIKE") || token.IsWord("ILIKE") || token.IsWord("IS") || token.IsWord("NOT");

    private static string? ColumnBefore(List<SqlToken> tokens, int i)
    {
        var j = i - 1;
        while (j >= 0 && i - j <= 3 && IsOperator(tokens[j]))
        {
            j--;
        }

        return j >= 0 && j < i - 1 && tokens[j].IsName ? tokens[j].Value : null;
    }

    private static string? ColumnAfter(List<SqlToken> tokens, int i)
    {
        var j = i + 1;
        while (j < tokens.Count && j - i <= 3 && IsOperator(tokens[j]))
        {
            j++;
        }

        return j < tokens.Count && j > i + 1 && tokens[j].IsName ? tokens[j].Value : null;
    }

    // INSERT [OR ...] INTO name [(columns)] VALUES (values), (values) ...: the k-th value of each row fills the
    // k-th column.
    private static void AddInsertValues(List<SqlToken> tokens, int insert, RedactionPolicy redaction, ref HashSet<string>? secret)
    {
        var open = tokens.FindIndex(insert, t => t.Kind == SqlTokenKind.Open || t.IsWord("VALUES") || t.IsWord("SELECT"));
        if (open < 0 || tokens[open].Kind != SqlTokenKind.Open)
        {
            return;
        }

        var depth = tokens[open].Depth;
        var columns = new List<string?>();
        var i = open + 1;
        for (string? column = null; i < tokens.Count && tokens[i].Depth > depth; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.Other && tokens[i].Value == ",")
            {
                columns.Add(column);
                column = null;
            }
            else if (tokens[i].IsName)
            {
                column = tokens[i].Value;
            }

            if (i + 1 == tokens.Count || tokens[i + 1].Depth <= depth)
            {
                columns.Add(column);
            }
        }

        // i is the closing parenthesis; VALUES follows it, then the rows.
        if (i + 1 >= tokens.Count || !tokens[i + 1].IsWord("VALUES"))
        {
            return;
        }

        for (i += 2; i < tokens.Count && tokens[i].Kind == SqlTokenKind.Open && tokens[i].Depth == depth; i++)
        {
            var index = 0;
            for (i++; i < tokens.Count && tokens[i].Depth > depth; i++)
            {
                if (tokens[i].Depth == depth + 1 && tokens[i].Kind == SqlTokenKind.Other && tokens[i].Value == ",")
                {
                    index++;
                }
                else if (IsPlaceholder(tokens[i]) && index < columns.Count && columns[index] is { } column && redaction.IsSensitiveName(column))
                {
                    (secret ??= new(StringComparer.Ordinal)).Add(Bare(tokens[i].Value));
                }
            }

            // i is the row's closing parenthesis; a comma leads to the next row.
            if (i + 1 < tokens.Count && tokens[i + 1].Kind == SqlTokenKind.Other && tokens[i + 1].Value == ",")
            {
                i++;
            }
        }
    }
}
