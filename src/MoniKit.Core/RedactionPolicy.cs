using System.Collections.Concurrent;
using MoniKit.Implementation;

namespace MoniKit;

/// <summary>
/// The one rule for which names hold secrets and how a secret is masked, applied to headers, query strings, URLs,
/// request bodies, SQL parameters and structured log properties. Immutable: each host builds its own from
/// <c>MoniKit:Redaction</c> (<c>builder.GetMoniKitRedactionPolicy()</c>), so hosts with different settings share a
/// process safely. <see cref="Redaction"/>'s static methods use <see cref="Default"/>.
/// </summary>
public sealed class RedactionPolicy
{
    private const int MaxCachedNames = 4096;

    private readonly SensitiveNames names;

    // Property and parameter names are almost always constants, so each distinct one is judged once.
    private readonly ConcurrentDictionary<string, bool> cache = new(StringComparer.Ordinal);

    /// <summary>Creates a policy: the built-in rules plus <paramref name="options"/>, which must be valid.</summary>
    /// <exception cref="MoniKitConfigurationException"><paramref name="options"/> fails validation.</exception>
    public RedactionPolicy(MoniKitRedactionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate().ToList();
        if (failures.Count > 0)
        {
            throw new MoniKitConfigurationException(failures);
        }

        names = new SensitiveNames([.. options.SensitiveNames], [.. options.AllowedNames]);
    }

    /// <summary>The built-in rules alone.</summary>
    public static RedactionPolicy Default { get; } = new(new MoniKitRedactionOptions());

    /// <summary>
    /// Whether a value with this name (a query parameter, form field, JSON property, SQL parameter, configuration
    /// key or log property) holds a secret. The name is judged as given: decode it first, or use
    /// <see cref="IsSensitiveEncodedName"/>.
    /// </summary>
    public bool IsSensitiveName(ReadOnlySpan<char> name) => names.IsSensitive(name, asHeader: false);

    /// <summary>
    /// <see cref="IsSensitiveName(ReadOnlySpan{char})"/> for a name that is usually a constant (a log property or
    /// parameter name): the answer is remembered for the first 4096 distinct names.
    /// </summary>
    public bool IsSensitiveName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (cache.TryGetValue(name, out var sensitive))
        {
            return sensitive;
        }

        sensitive = names.IsSensitive(name, asHeader: false);
        if (cache.Count < MaxCachedNames)
        {
            cache.TryAdd(name, sensitive);
        }

        return sensitive;
    }

    /// <summary>
    /// Whether a name as written in a query string or a form body holds a secret: judged as written and after
    /// decoding percent escapes and <c>+</c>, so <c>pass%77ord</c> and <c>pass+word</c> are passwords.
    /// </summary>
    public bool IsSensitiveEncodedName(ReadOnlySpan<char> name) =>
        IsSensitiveName(name) || (name.IndexOfAny('%', '+') >= 0 && IsSensitiveName(UrlRedactor.Decode(name)));

    /// <summary>Whether a header's value must never be written (Authorization, Cookie, X-Api-Key, or a secret name).</summary>
    public bool IsSensitiveHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return names.IsSensitive(name, asHeader: true);
    }

    /// <summary>
    /// A header's value as it may be logged: <see cref="Redaction.Mask"/> for a secret header, otherwise the value
    /// with every URL in it redacted (<see cref="RedactUrls"/>), so a <c>Referer</c> or <c>Location</c> carrying
    /// <c>?token=</c> is safe.
    /// </summary>
    public string RedactHeader(string name, string? value) =>
        IsSensitiveHeader(name) ? Redaction.Mask : RedactUrls(value);

    /// <summary>
    /// Returns the query string (with or without its leading <c>?</c>) with secret values masked: values of
    /// parameters whose decoded name is a secret, and values that are themselves URLs carrying one. Names and order
    /// are kept; the result has no leading <c>?</c>.
    /// </summary>
    public string RedactQuery(string? query) => UrlRedactor.RedactQuery(this, query, depth: 0);

    /// <summary>An absolute or relative URI as text, with user info removed and secret query or fragment values masked.</summary>
    public string RedactUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.IsAbsoluteUri
            ? uri.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.UserInfo, UriFormat.UriEscaped)
            : uri.OriginalString;
        return UrlRedactor.RedactUrl(this, text, depth: 0);
    }

    /// <summary>
    /// Free text (a header value, a configuration value) with every URL in it redacted as <see cref="RedactUri"/>
    /// does: a word that has <c>://</c>, starts with <c>/</c>, or has <c>?</c> or <c>#</c>.
    /// </summary>
    public string RedactUrls(string? text) => TextUrls.Redact(this, text);

    /// <summary>
    /// A JSON text (or its start) with the value under every secret name masked at any depth, whatever its type; the
    /// rest is kept as it was. An invalid text is masked whole, with its length and the position of the fault.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 JSON.</param>
    /// <param name="isComplete">
    /// <see langword="false"/> when <paramref name="utf8Json"/> is only the start of the text: it is then cut after
    /// its last whole token and marked with <see cref="SafeText.TruncationMark"/>.
    /// </param>
    public string RedactJson(ReadOnlySpan<byte> utf8Json, bool isComplete = true) =>
        JsonBodyRedactor.Redact(this, utf8Json, isComplete);
}
