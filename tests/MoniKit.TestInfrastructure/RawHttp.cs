using System.Net.Sockets;
using System.Text;

namespace MoniKit.TestInfrastructure;

/// <summary>Sends bytes no HTTP client would send (huge headers, broken request lines), over a plain socket.</summary>
public static class RawHttp
{
    /// <summary>Writes <paramref name="request"/> (Latin-1) to 127.0.0.1:<paramref name="port"/> and returns the status line of the answer.</summary>
    public static async Task<string> SendAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may answer and close before it has read everything; the answer is still there to read.
        }

        using var reader = new StreamReader(stream, Encoding.Latin1);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadLineAsync(timeout.Token) ?? string.Empty;
    }
}
