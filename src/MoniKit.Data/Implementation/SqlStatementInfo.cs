namespace MoniKit.Data.Implementation;

/// <summary>What the log and metrics say about a command's SQL.</summary>
/// <param name="Text">The SQL with literal values replaced by <c>?</c>, cut to the configured length.</param>
/// <param name="Operation">An upper-case verb from a fixed set (SELECT, INSERT, ...), or OTHER.</param>
/// <param name="Collection">The main table, or <see langword="null"/> when it cannot be told.</param>
/// <param name="SecretPlaceholders">Placeholders (without prefix) bound to a column whose name is a secret.</param>
internal sealed record SqlStatementInfo(string Text, string Operation, string? Collection, IReadOnlySet<string> SecretPlaceholders)
{
    public static readonly IReadOnlySet<string> NoPlaceholders = new HashSet<string>();
}
