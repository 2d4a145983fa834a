using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace MoniKit.Implementation;

/// <summary>
/// The name rule of <see cref="RedactionPolicy"/>. A name is folded before it is judged: compatibility forms folded
/// (NFKC, so full-width letters read as plain ones), letters lower-cased, and every character that is not a letter or
/// digit dropped. <c>Pass_Word</c>, <c>x-api-key</c>, <c>connection.string</c> and a name with a zero-width space in
/// it are all judged as the plain word.
/// </summary>
internal sealed class SensitiveNames
{
    private const int StackLimit = 256;

    /// <summary>Matched as parts of a folded name: <c>api_key</c>, <c>access_token</c>, <c>db_password</c> all match.</summary>
    public static readonly string[] BuiltInParts =
    [
        "password", "passwd", "pwd", "token", "secret", "key", "authorization", "bearer", "credential", "signature",
        "session", "cookie", "connectionstring", "webhook",
    ];

    /// <summary>
    /// Secrets whose words are too short to match inside other words (<c>pin</c> is in <c>shipping</c>), so they are
    /// matched as whole words of a name: <c>pin</c>, <c>userPin</c>, <c>PIN_CODE</c>, <c>PINCode</c>.
    /// </summary>
    public static readonly string[] BuiltInWords = ["pin", "otp", "cvv", "cvc", "ssn", "pass", "passphrase", "mfa", "totp"];

    /// <summary>Headers that are secrets whatever the name rule says.</summary>
    public static readonly string[] BuiltInHeaders =
    [
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Auth-Token", "X-Csrf-Token",
        "X-Xsrf-Token",
    ];

    /// <summary>Harmless names that the <c>key</c> and <c>token</c> parts would mask, compared folded and whole.</summary>
    public static readonly string[] BuiltInAllowed =
    [
        "CacheKey", "PartitionKey", "RowKey", "SortKey", "PrimaryKey", "ForeignKey", "Keyword", "Keywords", "TokenType",
        LogFields.ErrorGroupingKey,
    ];

    /// <summary>Folded words that always mean a secret: no allow-list entry may contain one.</summary>
    public static readonly string[] NeverAllowed =
    [
        "password", "passwd", "secret", "credential", "authorization", "bearer", "connectionstring", "apikey",
        "privatekey", "accesstoken", "refreshtoken", "idtoken", "sessionid", "cookie", "signature", "webhook",
    ];

    private readonly string[] parts;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> allowed;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> headers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> words =
        BuiltInWords.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public SensitiveNames(IEnumerable<string> extraParts, IEnumerable<string> extraAllowed)
    {
        var extra = extraParts.Select(Fold).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);
        parts = [.. BuiltInParts.Concat(extra).Distinct(StringComparer.Ordinal)];
        allowed = BuiltInAllowed.Select(Fold).Where(a => !extra.Contains(a)).Concat(extraAllowed.Select(Fold))
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        headers = BuiltInHeaders.Select(Fold).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsSensitive(ReadOnlySpan<char> name, bool asHeader)
    {
        if (!Ascii.IsValid(name))
        {
            var text = name.ToString();
            return Judge(text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC), asHeader);
        }

        return Judge(name, asHeader);
    }

    /// <summary>The folded form of <paramref name="name"/>.</summary>
    public static string Fold(string name)
    {
        var source = Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormKC);
        var buffer = new char[source.Length];
        return new string(Fold(source, buffer));
    }

    private bool Judge(ReadOnlySpan<char> source, bool asHeader)
    {
        char[]? rented = null;
        var buffer = source.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(source.Length));
        try
        {
            var folded = Fold(source, buffer);
            if (asHeader && headers.Contains(folded))
            {
                return true;
            }

            foreach (var part in parts)
            {
                if (folded.Contains(part, StringComparison.Ordinal))
                {
                    return !allowed.Contains(folded);
                }
            }

            return HasSecretWord(source) && !allowed.Contains(folded);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // Words end at a character that is not a letter or digit, before an upper-case letter that follows a lower-case
    // one or starts a new word after an acronym (PINCode: PIN, Code), and between letters and digits.
    private bool HasSecretWord(ReadOnlySpan<char> name)
    {
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            if (!char.IsLetterOrDigit(c))
            {
                if (start >= 0 && words.Contains(name[start..i]))
                {
                    return true;
                }

                start = -1;
                continue;
            }

            if (start >= 0 && IsWordStart(name, i) && words.Contains(name[start..i]))
            {
                return true;
            }

            if (start < 0 || IsWordStart(name, i))
            {
                start = i;
            }
        }

        return false;
    }

    private static bool IsWordStart(ReadOnlySpan<char> name, int i)
    {
        var previous = name[i - 1];
        var c = name[i];
        return !char.IsLetterOrDigit(previous)
            || (char.IsUpper(c) && char.IsLower(previous))
            || (char.IsUpper(c) && char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]))
            || char.IsDigit(c) != char.IsDigit(previous);
    }

    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> source, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in source)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return buffer[..length];
    }
}
