using System.Data;

namespace MoniKit.Data.Implementation;

/// <summary>
/// Reads the operation and main table of a SQL command and sanitizes its text. It looks only at the first
/// statement and never fails: what it cannot tell becomes OTHER, or no table.
/// </summary>
internal static class SqlStatementParser
{
    internal const string OtherOperation = "OTHER";
    private const int MaxCollectionLength = 128;

    // A fixed set keeps db.operation.name bounded as a metric attribute.
    private static readonly HashSet<string> Operations = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT", "CREATE", "ALTER", "DROP", "TRUNCATE",
        "PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "VACUUM", "ANALYZE", "EXPLAIN", "CALL",
        "EXEC", "EXECUTE", "COPY", "SET", "SHOW", "GRANT", "REVOKE", "LISTEN", "NOTIFY", "DO", "LOCK", "VALUES",
    };

    private static readonly HashSet<string> DataOperations = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE",
    };

    public static SqlStatementInfo Parse(string sql, CommandType commandType, string systemName, int maxLength, RedactionPolicy? redaction = null)
    {
        if (commandType == CommandType.StoredProcedure)
        {
            return new(Cut(sql, maxLength), "EXECUTE", null, SqlStatementInfo.NoPlaceholders);
        }

        if (commandType == CommandType.TableDirect)
        {
            return new(Cut(sql, maxLength), "SELECT", Bound(sql), SqlStatementInfo.NoPlaceholders);
        }

        var tokens = new List<SqlToken>();
        var text = SqlSanitizer.Sanitize(
            sql,
            doubleQuotesAreStrings: systemName == DbSystemNames.MySql,
            bracketsAreNames: systemName is DbSystemNames.Sqlite or DbSystemNames.SqlServer,
            tokens);
        var (operation, index) = FindOperation(tokens);
        return new(
            Cut(text, maxLength),
            operation,
            index < 0 ? null : FindCollection(tokens, operation, index),
            SqlParameterColumns.Find(tokens, redaction ?? RedactionPolicy.Default));
    }

    private static (string Operation, int Index) FindOperation(List<SqlToken> tokens)
    {
        var first = tokens.FindIndex(t => t.Kind != SqlTokenKind.Open);
        if (first < 0 || tokens[first].Kind != SqlTokenKind.Word)
        {
            return (OtherOperation, -1);
        }

        if (tokens[first].IsWord("WITH"))
        {
            var depth = tokens[first].Depth;
            for (var i = first + 1; i < tokens.Count; i++)
            {
                if (tokens[i].Depth == depth && tokens[i].Kind == SqlTokenKind.Word && DataOperations.Contains(tokens[i].Value))
                {
                    return (tokens[i].Value.ToUpperInvariant(), i);
                }
            }

            return ("SELECT", -1);
        }

        var word = tokens[first].Value;
        return Operations.Contains(word) ? (word.ToUpperInvariant(), first) : (OtherOperation, -1);
    }

    private static string? FindCollection(List<SqlToken> tokens, string operation, int index)
    {
        var depth = tokens[index].Depth;
        switch (operation)
        {
            case "SELECT":
                var from = FindWord(tokens, index + 1, "FROM", depth);
                return from < 0 ? null : NameAt(tokens, from + 1);
            case "INSERT" or "REPLACE" or "MERGE":
                var into = FindWord(tokens, index + 1, "INTO", depth);
                return into < 0 ? null : NameAt(tokens, into + 1);
            case "DELETE":
                var deleteFrom = FindWord(tokens, index + 1, "FROM", depth);
                return deleteFrom < 0 ? null : NameAt(tokens, SkipWords(tokens, deleteFrom + 1, "ONLY"));
            case "UPDATE":
                var next = index + 1;
                if (next + 1 < tokens.Count && tokens[next].IsWord("OR"))
                {
                    next += 2;
                }

                return NameAt(tokens, SkipWords(tokens, next, "ONLY"));
            case "CREATE" or "ALTER" or "DROP" or "TRUNCATE":
                return SchemaObject(tokens, index + 1);
            default:
                return null;
        }
    }

    private static string? SchemaObject(List<SqlToken> tokens, int index)
    {
        var i = SkipWords(tokens, index, "OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED", "VIRTUAL", "UNIQUE", "GLOBAL", "LOCAL");
        if (i < tokens.Count && (tokens[i].IsWord("INDEX") || tokens[i].IsWord("TRIGGER")))
        {
            var on = FindWord(tokens, i + 1, "ON", tokens[i].Depth);
            return on < 0 ? null : NameAt(tokens, SkipWords(tokens, on + 1, "ONLY"));
        }

        if (i < tokens.Count && tokens[i].IsWord("TABLE"))
        {
            i++;
        }
        else if (!tokens[index - 1].IsWord("TRUNCATE"))
        {
            return null;
        }

        return NameAt(tokens, SkipWords(tokens, i, "IF", "NOT", "EXISTS", "ONLY"));
    }

    private static int FindWord(List<SqlToken> tokens, int from, string word, int depth)
    {
        for (var i = from; i < tokens.Count; i++)
        {
            if (tokens[i].Depth == depth && tokens[i].IsWord(word))
            {
                return i;
            }
        }

        return -1;
    }

    private static int SkipWords(List<SqlToken> tokens, int index, params ReadOnlySpan<string> words)
    {
        while (index < tokens.Count && tokens[index].Kind == SqlTokenKind.Word && Contains(words, tokens[index].Value))
        {
            index++;
        }

        return index;
    }

    private static bool Contains(ReadOnlySpan<string> words, string value)
    {
        foreach (var word in words)
        {
            if (string.Equals(word, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // A possibly schema-qualified name: name(.name)*, quotes removed.
    private static string? NameAt(List<SqlToken> tokens, int index)
    {
        if (index >= tokens.Count || !tokens[index].IsName)
        {
            return null;
        }

        var name = tokens[index].Value;
        while (index + 2 < tokens.Count && tokens[index + 1].Kind == SqlTokenKind.Dot && tokens[index + 2].IsName)
        {
            name += "." + tokens[index + 2].Value;
            index += 2;
        }

        return Bound(name);
    }

    private static string? Bound(string name) =>
        name.Length is 0 or > MaxCollectionLength || name.Any(char.IsControl) ? null : name;

    private static string Cut(string text, int maxLength) =>
        text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), "…");
}
