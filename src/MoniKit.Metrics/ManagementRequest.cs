namespace MoniKit.Metrics;

/// <summary>A request for a management endpoint, as any HTTP server sees it.</summary>
internal sealed class ManagementRequest
{
    private readonly Func<string, string?> getHeader;

    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path, without the query string.</param>
    /// <param name="getHeader">Returns a header's value by name (case-insensitive), or <see langword="null"/>.</param>
    public ManagementRequest(string method, string path, Func<string, string?> getHeader)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(getHeader);
        Method = method;
        Path = path;
        this.getHeader = getHeader;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path, without the query string.</summary>
    public string Path { get; }

    /// <summary>Returns a header's value, or <see langword="null"/> when the request has none.</summary>
    public string? GetHeader(string name) => getHeader(name);
}
