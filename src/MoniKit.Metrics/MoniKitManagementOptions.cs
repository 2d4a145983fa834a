namespace MoniKit.Metrics;

/// <summary>
/// Paths, switches, port and protection of the management endpoints. Bound from <c>MoniKit:Management</c>.
/// </summary>
public sealed class MoniKitManagementOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Management";

    /// <summary>The path of the Prometheus exposition. Default value: <c>/metrics</c>.</summary>
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Whether <see cref="MetricsPath"/> is served. Default value: <see langword="true"/>.</summary>
    public bool MetricsEnabled { get; set; } = true;

    /// <summary>The path of the readable metrics summary. Default value: <c>/metrics-text</c>.</summary>
    public string MetricsTextPath { get; set; } = "/metrics-text";

    /// <summary>Whether <see cref="MetricsTextPath"/> is served. Default value: <see langword="true"/>.</summary>
    public bool MetricsTextEnabled { get; set; } = true;

    /// <summary>The path of the environment report. Default value: <c>/env</c>.</summary>
    public string EnvPath { get; set; } = "/env";

    /// <summary>Whether <see cref="EnvPath"/> is served. Default value: <see langword="true"/>.</summary>
    public bool EnvEnabled { get; set; } = true;

    /// <summary>The path that answers <c>pong</c>. Default value: <c>/ping</c>.</summary>
    public string PingPath { get; set; } = "/ping";

    /// <summary>Whether <see cref="PingPath"/> is served. Default value: <see langword="true"/>.</summary>
    public bool PingEnabled { get; set; } = true;

    /// <summary>The path reporting every health check. Default value: <c>/health</c>.</summary>
    public string HealthPath { get; set; } = "/health";

    /// <summary>Whether <see cref="HealthPath"/> is served. Default value: <see langword="true"/>.</summary>
    public bool HealthEnabled { get; set; } = true;

    /// <summary>The path reporting the liveness checks (tagged <c>live</c>). Default value: <c>/alive</c>.</summary>
    public string AlivePath { get; set; } = "/alive";

    /// <summary>Whether <see cref="AlivePath"/> is served. Default value: <see langword="true"/>.</summary>
    public bool AliveEnabled { get; set; } = true;

    /// <summary>
    /// A separate port for the management endpoints. When set, they are served on this port only, and the
    /// application's own port answers them with 404. Default value: <see langword="null"/> (the application's port).
    /// </summary>
    public int? Port { get; set; }

    /// <summary>
    /// The interface the management <see cref="Port"/> listens on: <c>*</c> for all, <c>localhost</c>, or an address
    /// of this machine such as <c>127.0.0.1</c>. Default value: <see langword="null"/>: the application's own host
    /// (MoniKit.AspNetCore), or loopback when it has none and for a worker (MoniKit.Hosting), so the port is reachable
    /// from no further than the application itself.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>
    /// A token that <c>/env</c>, <c>/metrics</c> and <c>/metrics-text</c> require as <c>Authorization: Bearer ...</c>.
    /// Prefer <see cref="BearerTokenFile"/> outside development. Default value: <see langword="null"/> (no protection).
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>
    /// A file holding the bearer token (a mounted secret), read once at start-up; surrounding whitespace is ignored.
    /// Default value: <see langword="null"/>.
    /// </summary>
    public string? BearerTokenFile { get; set; }

    internal IEnumerable<string> Validate()
    {
        const string Prefix = $"{MoniKitOptions.SectionName}:{SectionName}";
        var paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, path) in EnabledPaths())
        {
            if (string.IsNullOrWhiteSpace(path) || path[0] != '/' || path.Any(c => char.IsWhiteSpace(c) || c is '?' or '#' or '{'))
            {
                yield return $"{Prefix}:{name} must be a path starting with '/' (was '{path}')";
            }
            else if (!paths.Add(path))
            {
                yield return $"{Prefix}:{name} repeats the path '{path}' of another endpoint";
            }
        }

        if (Port is < 1 or > 65535)
        {
            yield return $"{Prefix}:{nameof(Port)} must be between 1 and 65535 (was {Port})";
        }

        // A host name would widen to every interface (Kestrel) or to whatever it resolves to (HttpListener).
        if (Host is not null && Host is not ("*" or "+") && !string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase)
            && !System.Net.IPAddress.TryParse(Host.Trim('[', ']'), out _))
        {
            yield return $"{Prefix}:{nameof(Host)} must be '*', 'localhost' or an IP address of this machine (was '{Host}')";
        }

        if (BearerToken is not null && BearerTokenFile is not null)
        {
            yield return $"{Prefix}:{nameof(BearerToken)} and {Prefix}:{nameof(BearerTokenFile)} cannot both be set";
        }
        else if (BearerToken is not null && string.IsNullOrWhiteSpace(BearerToken))
        {
            yield return $"{Prefix}:{nameof(BearerToken)} must not be blank";
        }
        else if (BearerTokenFile is not null && (!File.Exists(BearerTokenFile) || string.IsNullOrWhiteSpace(File.ReadAllText(BearerTokenFile))))
        {
            yield return $"{Prefix}:{nameof(BearerTokenFile)} must name a readable, non-empty file";
        }
    }

    internal IEnumerable<(string Key, string Path)> EnabledPaths()
    {
        if (MetricsEnabled)
        {
            yield return (nameof(MetricsPath), MetricsPath);
        }

        if (MetricsTextEnabled)
        {
            yield return (nameof(MetricsTextPath), MetricsTextPath);
        }

        if (EnvEnabled)
        {
            yield return (nameof(EnvPath), EnvPath);
        }

        if (PingEnabled)
        {
            yield return (nameof(PingPath), PingPath);
        }

        if (HealthEnabled)
        {
            yield return (nameof(HealthPath), HealthPath);
        }

        if (AliveEnabled)
        {
            yield return (nameof(AlivePath), AlivePath);
        }
    }
}
