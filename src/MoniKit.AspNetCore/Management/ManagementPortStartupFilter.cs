using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MoniKit.AspNetCore.Management;

/// <summary>
/// Adds the management address to the server's addresses just before the server starts, after the host has filled
/// them from <c>urls</c>, <c>ASPNETCORE_HTTP_PORTS</c> or <c>app.Urls</c>, so the application's own addresses stay.
/// </summary>
internal sealed class ManagementPortStartupFilter(IServiceProvider services, string url) : IStartupFilter
{
    // Kestrel's own default, which it would stop using once any address is present.
    private const string KestrelDefault = "http://localhost:5000";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is { IsReadOnly: false } && !addresses.Contains(url))
        {
            if (addresses.Count == 0)
            {
                addresses.Add(KestrelDefault);
            }

            addresses.Add(url);
        }

        return next;
    }

    public static string Url(string host, int port)
    {
        var name = IPAddress.TryParse(host, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{host}]" : host;
        return $"http://{name}:{port}";
    }
}
