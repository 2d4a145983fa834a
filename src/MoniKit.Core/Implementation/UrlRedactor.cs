using System.Text;

namespace MoniKit.Implementation;

/// <summary>
/// The query-string and URL rules of <see cref="RedactionPolicy"/>: a parameter whose decoded name is a secret has its
/// value masked, a parameter whose value is itself a URL carrying a secret is masked whole, user info is removed, and
/// a fragment of <c>name=value</c> pairs (an OAuth implicit-flow redirect) is treated like a query.
/// </summary>
internal static class UrlRedactor
{
    // Deep enough for a redirect URL inside a redirect URL; deeper nesting is masked rather than followed.
    private const int MaxDepth = 3;

    public static string RedactQuery(RedactionPolicy policy, ReadOnlySpan<char> query, int depth)
    {
        if (!query.IsEmpty && query[0] == '?')
        {
            query = query[1..];
        }

        if (query.IsEmpty)
        {
            return string.Empty;
        }

        if (!NeedsWork(policy, query))
        {
            return query.ToString();
        }

        var builder = new StringBuilder(query.Length + 16);
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            if (range.Start.Value > 0)
            {
                builder.Append('&');
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? [] : pair[(equals + 1)..];
            if (policy.IsSensitiveEncodedName(name) || HoldsSecretUrl(policy, value, depth))
            {
                builder.Append(name).Append('=').Append(Redaction.Mask);
            }
            else
            {
                builder.Append(pair);
            }
        }

        return builder.ToString();
    }

    public static string RedactUrl(RedactionPolicy policy, string url, int depth)
    {
        var text = RemoveUserInfo(url);
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var question = text.IndexOf('?', StringComparison.Ordinal);
        if (hash >= 0 && question > hash)
        {
            question = -1;
        }

        if (question < 0 && hash < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var pathEnd = question >= 0 ? question : hash;
        builder.Append(text, 0, pathEnd);
        if (question >= 0)
        {
            var queryEnd = hash >= 0 ? hash : text.Length;
            builder.Append('?').Append(RedactQuery(policy, text.AsSpan(question + 1, queryEnd - question - 1), depth));
        }

        if (hash >= 0)
        {
            var fragment = text.AsSpan(hash + 1);
            builder.Append('#').Append(fragment.Contains('=') ? RedactQuery(policy, fragment, depth) : fragment);
        }

        return builder.ToString();
    }

    /// <summary>Decodes percent escapes and <c>+</c> as a form does, repeatedly, so a name encoded twice is judged too.</summary>
    public static string Decode(ReadOnlySpan<char> text)
    {
        var decoded = text.ToString();
        for (var round = 0; round < MaxDepth && decoded.AsSpan().IndexOfAny('%', '+') >= 0; round++)
        {
            var next = Uri.UnescapeDataString(decoded.Replace('+', ' '));
            if (next == decoded)
            {
                break;
            }

            decoded = next;
        }

        return decoded;
    }

    private static bool NeedsWork(RedactionPolicy policy, ReadOnlySpan<char> query)
    {
        if (query.IndexOfAny("%+?#:") >= 0)
        {
            return true;
        }

        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            if (policy.IsSensitiveName(equals < 0 ? pair : pair[..equals]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HoldsSecretUrl(RedactionPolicy policy, ReadOnlySpan<char> value, int depth)
    {
        if (value.IndexOfAny('?', '#', '%') < 0 && !value.Contains("://", StringComparison.Ordinal))
        {
            return false;
        }

        var decoded = Decode(value);
        if (decoded.AsSpan().IndexOfAny('?', '#', '@') < 0)
        {
            return false;
        }

        return depth >= MaxDepth || RedactUrl(policy, decoded, depth + 1) != decoded;
    }

    private static string RemoveUserInfo(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var authority = scheme > 0 && char.IsAsciiLetter(url[scheme - 1]) ? scheme + 3
            : url.StartsWith("//", StringComparison.Ordinal) ? 2
            : -1;
        if (authority < 0)
        {
            return url;
        }

        var end = url.AsSpan(authority).IndexOfAny('/', '?', '#');
        var hostPart = end < 0 ? url.AsSpan(authority) : url.AsSpan(authority, end);
        var at = hostPart.LastIndexOf('@');
        return at < 0 ? url : string.Concat(url.AsSpan(0, authority), url.AsSpan(authority + at + 1));
    }
}
