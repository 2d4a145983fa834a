namespace MoniKit;

/// <summary>
/// Adjusts the redaction policy (<see cref="RedactionPolicy"/>) to a service's own names. Bound from
/// <c>MoniKit:Redaction</c>; the built-in rules always apply.
/// </summary>
public sealed class MoniKitRedactionOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Redaction";

    private const string Prefix = MoniKitOptions.SectionName + ":" + SectionName + ":";

    /// <summary>
    /// Extra words that mark a name as a secret, matched like the built-in ones (password, token, key, ...): as a
    /// part of the name, ignoring case and every character that is not a letter or digit, so <c>iban</c> masks
    /// <c>payerIban</c> and <c>IBAN_NUMBER</c>. Each needs at least 3 letters or digits. Listing a built-in allowed
    /// name here (such as <c>CacheKey</c>) masks it again.
    /// Default value: empty.
    /// </summary>
    public IList<string> SensitiveNames { get; } = [];

    /// <summary>
    /// Whole names that are never masked although a word in them looks like a secret, such as <c>SortKey</c> for the
    /// <c>key</c> rule. Compared ignoring case and every character that is not a letter or digit, so <c>CacheKey</c>
    /// also allows <c>cache_key</c>. A name that contains a word that always means a secret (password, secret,
    /// apikey, accesstoken, authorization, cookie, ...) cannot be allowed, nor a built-in secret header.
    /// Default value: empty; built in are CacheKey, PartitionKey, RowKey, SortKey, PrimaryKey, ForeignKey, Keyword,
    /// Keywords, TokenType and error.grouping_key.
    /// </summary>
    public IList<string> AllowedNames { get; } = [];

    internal IEnumerable<string> Validate()
    {
        var sensitive = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < SensitiveNames.Count; i++)
        {
            var name = SensitiveNames[i];
            if (Check(nameof(SensitiveNames), i, name) is { } failure)
            {
                yield return failure;
                continue;
            }

            sensitive.Add(Implementation.SensitiveNames.Fold(name));
        }

        for (var i = 0; i < AllowedNames.Count; i++)
        {
            var name = AllowedNames[i];
            if (Check(nameof(AllowedNames), i, name) is { } failure)
            {
                yield return failure;
                continue;
            }

            var folded = Implementation.SensitiveNames.Fold(name);
            if (Implementation.SensitiveNames.NeverAllowed.FirstOrDefault(w => folded.Contains(w, StringComparison.Ordinal)) is { } word)
            {
                yield return $"{Prefix}{nameof(AllowedNames)}:{i} cannot allow '{name}': '{word}' always marks a secret";
            }
            else if (Implementation.SensitiveNames.BuiltInParts.Contains(folded)
                || Implementation.SensitiveNames.BuiltInHeaders.Any(h => Implementation.SensitiveNames.Fold(h) == folded))
            {
                yield return $"{Prefix}{nameof(AllowedNames)}:{i} cannot allow '{name}': it is a built-in secret name";
            }
            else if (sensitive.Contains(folded))
            {
                yield return $"{Prefix}{nameof(AllowedNames)}:{i} cannot allow '{name}': it is also listed in {Prefix}{nameof(SensitiveNames)}";
            }
        }
    }

    private static string? Check(string list, int index, string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || name.Any(char.IsControl))
        {
            return $"{Prefix}{list}:{index} must be 1 to 100 printable characters";
        }

        return Implementation.SensitiveNames.Fold(name).Length < 3
            ? $"{Prefix}{list}:{index} must have at least 3 letters or digits (was '{name}')"
            : null;
    }
}
