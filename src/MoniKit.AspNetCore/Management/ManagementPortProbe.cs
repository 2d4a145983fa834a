using System.Net;
using System.Net.Sockets;

namespace MoniKit.AspNetCore.Management;

/// <summary>
/// Tries each management address just before Kestrel binds it, so that a busy port or an address this machine does
/// not have stops start-up with a message naming the key to change, not a bare bind error.
/// </summary>
internal static class ManagementPortProbe
{
    /// <exception cref="MoniKitConfigurationException">An address cannot be bound.</exception>
    public static void EnsureBindable(IEnumerable<string> urls, int port)
    {
        foreach (var url in urls)
        {
            var host = ManagementAddresses.HostOf(url) ?? "*";
            foreach (var (address, required) in Addresses(host))
            {
                if (TryBind(address, port) is not { } error || (!required && error != SocketError.AddressAlreadyInUse))
                {
                    continue;
                }

                throw new MoniKitConfigurationException(error == SocketError.AddressAlreadyInUse
                    ? $"{ManagementAddresses.PortKey} {port} cannot be listened on at {url}: the port is in use. Choose a free port with {ManagementAddresses.PortKey}"
                    : $"{ManagementAddresses.HostKey} '{host}' cannot be listened on ({error}). Set {ManagementAddresses.HostKey} to an address of this machine, 'localhost' or '*'");
            }
        }
    }

    // What Kestrel binds for a host: every interface for '*' and names, both loopbacks for localhost (the IPv6 one
    // only if the machine has it), or the address itself.
    private static IEnumerable<(IPAddress Address, bool Required)> Addresses(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            yield return (IPAddress.Loopback, true);
            if (Socket.OSSupportsIPv6)
            {
                yield return (IPAddress.IPv6Loopback, false);
            }
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            yield return (address, true);
        }
        else
        {
            yield return (Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any, true);
        }
    }

    private static SocketError? TryBind(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(address, port));
            return null;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode;
        }
    }
}
