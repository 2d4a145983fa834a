namespace MoniKit.Metrics;

/// <summary>The answer of a management endpoint, for the hosting server to write.</summary>
internal sealed class ManagementResponse
{
    /// <summary>Creates a response.</summary>
    public ManagementResponse(int statusCode, string contentType, ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        Headers = headers ?? new Dictionary<string, string>();
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Content-Type</c> header.</summary>
    public string ContentType { get; }

    /// <summary>The body, already encoded (and compressed when <c>Content-Encoding</c> is among <see cref="Headers"/>).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Other response headers, such as <c>Cache-Control</c>, <c>Content-Encoding</c> or <c>WWW-Authenticate</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }
}
