using System.Net;
using System.Net.Sockets;

namespace MoniKit.Hosting.Implementation;

/// <summary>Turns <c>MoniKit:Management:Host</c> and <c>Port</c> into <see cref="HttpListener"/> prefixes.</summary>
internal static class ManagementListenerPrefix
{
    /// <summary>
    /// <c>*</c>, <c>+</c>, <c>0.0.0.0</c> and <c>::</c> listen on every interface. <c>localhost</c> listens on the IPv4
    /// loopback and answers both <c>Host: localhost</c> and <c>Host: 127.0.0.1</c>. Other names and addresses are
    /// used as given.
    /// </summary>
    public static IReadOnlyList<string> For(string host, int port)
    {
        var trimmed = host.Trim();
        if (trimmed is "*" or "+" or "0.0.0.0" or "::" or "[::]")
        {
            // HttpListener binds '+' to every interface, IPv4 and IPv6, and matches any Host header.
            return [$"http://+:{port}/"];
        }

        if (string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return [$"http://127.0.0.1:{port}/", $"http://localhost:{port}/"];
        }

        if (IPAddress.TryParse(trimmed.Trim('[', ']'), out var address) && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return [$"http://[{address}]:{port}/"];
        }

        return [$"http://{trimmed}:{port}/"];
    }
}
