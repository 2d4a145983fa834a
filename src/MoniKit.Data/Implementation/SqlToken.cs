namespace MoniKit.Data.Implementation;

/// <summary>A word, quoted identifier or punctuation mark of a SQL text, with its parenthesis depth.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Value, int Depth)
{
    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Value, word, StringComparison.OrdinalIgnoreCase);

    public bool IsName => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedName;
}
