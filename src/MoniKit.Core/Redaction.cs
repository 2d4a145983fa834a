using System.Text;

namespace MoniKit;

/// <summary>
/// Decides which headers, query parameters and named values are secrets, and masks them.
/// MoniKit applies it everywhere it writes request data, so a secret never reaches a log, a metric or an alert.
/// </summary>
public static class Redaction
{
    /// <summary>What replaces a secret value.</summary>
    public const string Mask = "[REDACTED]";

    private static readonly string[] SensitiveHeaders =
    [
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Auth-Token", "X-Csrf-Token",
        "X-Xsrf-Token",
    ];

    // Matched as substrings, case-insensitive: "api_key", "access_token", "client_secret", "db_password" all match.
    private static readonly string[] SensitiveNameParts =
    [
        "password", "passwd", "pwd", "token", "secret", "key", "authorization", "bearer", "credential", "signature",
        "session", "cookie", "connectionstring", "webhook",
    ];

    /// <summary>Whether a header's value must never be written in clear.</summary>
    public static bool IsSensitiveHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var header in SensitiveHeaders)
        {
            if (string.Equals(header, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return IsSensitiveName(name);
    }

    /// <summary>
    /// Whether a query parameter, configuration key or SQL parameter with this name holds a secret
    /// (its name contains password, token, secret, key, authorization, credential, signature, session, cookie or
    /// connectionstring).
    /// </summary>
    public static bool IsSensitiveName(ReadOnlySpan<char> name)
    {
        foreach (var part in SensitiveNameParts)
        {
            if (name.Contains(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Returns the query string (with or without its leading <c>?</c>) with the values of sensitive parameters
    /// replaced by <see cref="Mask"/>. Names and the order of parameters are kept; the result has no leading <c>?</c>.
    /// </summary>
    public static string RedactQuery(string? query)
    {
        if (string.IsNullOrEmpty(query))
        {
            return string.Empty;
        }

        var span = query.AsSpan();
        if (span[0] == '?')
        {
            span = span[1..];
        }

        if (!NeedsRedaction(span))
        {
            return span.ToString();
        }

        var builder = new StringBuilder(span.Length);
        foreach (var range in span.Split('&'))
        {
            var pair = span[range];
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (IsSensitiveName(Uri.UnescapeDataString(name.ToString())))
            {
                builder.Append(name).Append('=').Append(Mask);
            }
            else
            {
                builder.Append(pair);
            }
        }

        return builder.ToString();
    }

    /// <summary>Returns an absolute or relative URI as text with sensitive query values and user info masked.</summary>
    public static string RedactUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            var text = uri.OriginalString;
            var question = text.IndexOf('?', StringComparison.Ordinal);
            return question < 0 ? text : string.Concat(text.AsSpan(0, question + 1), RedactQuery(text[(question + 1)..]));
        }

        var builder = new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty };
        builder.Query = RedactQuery(uri.Query);
        return builder.Uri.IsDefaultPort
            ? builder.Uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Port, UriFormat.UriEscaped)
            : builder.Uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped);
    }

    private static bool NeedsRedaction(ReadOnlySpan<char> query)
    {
        foreach (var range in query.Split('&'))
        {
            var pair = query[range];
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair[..equals];
            if (IsSensitiveName(name) || name.Contains('%'))
            {
                return true;
            }
        }

        return false;
    }
}
