namespace MoniKit.Data.Implementation;

/// <summary>The kinds of <see cref="SqlToken"/> the statement parser looks at.</summary>
internal enum SqlTokenKind
{
    Word,
    QuotedName,
    Dot,
    Open,
    Other,
}
