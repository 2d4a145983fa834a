namespace MoniKit;

/// <summary>
/// The built-in redaction rules (<see cref="RedactionPolicy.Default"/>) as static methods. A host's own settings
/// (<c>MoniKit:Redaction</c>) live in its <see cref="RedactionPolicy"/>; MoniKit's packages use that one.
/// </summary>
public static class Redaction
{
    /// <summary>What replaces a secret value.</summary>
    public const string Mask = "[REDACTED]";

    /// <summary>Whether a header's value must never be written in clear (<see cref="RedactionPolicy.IsSensitiveHeader"/>).</summary>
    public static bool IsSensitiveHeader(string name) => RedactionPolicy.Default.IsSensitiveHeader(name);

    /// <summary>
    /// Whether a query parameter, configuration key, SQL parameter or property with this name holds a secret: its
    /// name, ignoring case and every character that is not a letter or digit, contains password, passwd, pwd, token,
    /// secret, key, authorization, bearer, credential, signature, session, cookie, connectionstring or webhook, and is
    /// not one of the built-in harmless names (<see cref="RedactionPolicy.IsSensitiveName(ReadOnlySpan{char})"/>).
    /// </summary>
    public static bool IsSensitiveName(ReadOnlySpan<char> name) => RedactionPolicy.Default.IsSensitiveName(name);

    /// <summary>
    /// Returns the query string (with or without its leading <c>?</c>) with the values of sensitive parameters
    /// replaced by <see cref="Mask"/> (<see cref="RedactionPolicy.RedactQuery"/>).
    /// </summary>
    public static string RedactQuery(string? query) => RedactionPolicy.Default.RedactQuery(query);

    /// <summary>Returns an absolute or relative URI as text with secret query values and user info masked (<see cref="RedactionPolicy.RedactUri"/>).</summary>
    public static string RedactUri(Uri uri) => RedactionPolicy.Default.RedactUri(uri);
}
