using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace MoniKit.AspNetCore.Management;

/// <summary>
/// Where the management port listens: on <c>MoniKit:Management:Host</c> when it is set, otherwise on the hosts the
/// application itself listens on, so that a service bound to loopback keeps its management port on loopback too.
/// </summary>
internal static class ManagementAddresses
{
    public const string PortKey = "MoniKit:Management:Port";
    public const string HostKey = "MoniKit:Management:Host";

    /// <summary>Kestrel's own default, which it stops using once any address is present.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    /// <summary>The management URLs for <paramref name="host"/>, or for each host among the application's addresses.</summary>
    /// <exception cref="MoniKitConfigurationException">The port is one the application listens on itself.</exception>
    public static IReadOnlyList<string> For(string? host, int port, IEnumerable<string> applicationAddresses)
    {
        var hosts = new List<string>();
        foreach (var address in applicationAddresses)
        {
            if (Parse(address) is not { } parsed)
            {
                continue;
            }

            if (parsed.Port == port)
            {
                throw new MoniKitConfigurationException(
                    $"{PortKey} {port} is also the application's own port ({address}); choose another port for the management endpoints");
            }

            if (!hosts.Contains(parsed.Host, StringComparer.OrdinalIgnoreCase))
            {
                hosts.Add(parsed.Host);
            }
        }

        if (host is not null)
        {
            return [Url(host, port)];
        }

        return hosts.Count == 0 ? [Url("localhost", port)] : [.. hosts.Select(h => Url(h, port))];
    }

    public static string Url(string host, int port)
    {
        var bare = host.Trim('[', ']');
        var name = IPAddress.TryParse(bare, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bare}]" : bare;
        return string.Create(CultureInfo.InvariantCulture, $"http://{name}:{port}");
    }

    /// <summary>The host of a URL as Kestrel reads it, without IPv6 brackets; <see langword="null"/> for a pipe or socket file.</summary>
    public static string? HostOf(string url) => Parse(url)?.Host;

    private static (string Host, int Port)? Parse(string address)
    {
        try
        {
            var parsed = BindingAddress.Parse(address);
            return parsed.IsUnixPipe || parsed.IsNamedPipe ? null : (parsed.Host.Trim('[', ']'), parsed.Port);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
