using System.Net;
using System.Net.Sockets;

namespace MoniKit.TestInfrastructure;

/// <summary>TCP ports on the loopback interface that nothing listens on.</summary>
public static class FreePort
{
    /// <summary>A port the system reported free a moment ago; the probe listener is closed again before it returns.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
