using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace MoniKit.TestInfrastructure;

/// <summary>This machine's own addresses, for tests that a port bound to loopback is not reachable beyond it.</summary>
public static class MachineAddresses
{
    /// <summary>An IPv4 address of an interface that is up and not loopback, or <see langword="null"/> if there is none.</summary>
    public static IPAddress? NonLoopback() => NetworkInterface.GetAllNetworkInterfaces()
        .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(n => n.GetIPProperties().UnicastAddresses)
        .Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    /// <summary>Whether something accepts a TCP connection on <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address, port).WaitAsync(TimeSpan.FromSeconds(10));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
