using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoniKit.AspNetCore.Management;
using MoniKit.Metrics;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Makes Kestrel listen on the management port as well as on the application's own addresses.</summary>
public static class ManagementPortWebApplicationBuilderExtensions
{
    private static readonly object Marker = new();

    /// <summary>
    /// When <c>MoniKit:Management:Port</c> is set, adds that port to the addresses Kestrel listens on, keeping the
    /// ones the application configured (<c>urls</c>, <c>ASPNETCORE_HTTP_PORTS</c>, <c>app.Urls</c>,
    /// <c>Kestrel:Endpoints</c>). The port answers the management endpoints only, 404 for any other path, and
    /// listens on <c>MoniKit:Management:Host</c>, or else on the application's own hosts (loopback when it has none).
    /// A port in use or an address that cannot be bound stops start-up naming the key. Calls
    /// <c>AddMoniKitMetrics</c> if needed. Safe to call twice.
    /// </summary>
    /// <remarks>An application that binds Kestrel in code (<c>options.Listen(...)</c>) must also listen on the management port itself.</remarks>
    public static WebApplicationBuilder AddMoniKitManagementPort(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMoniKitMetrics();
        var options = builder.AddMoniKitOptions<MoniKitManagementOptions>(MoniKitManagementOptions.SectionName, static _ => []);
        if (options.Port is not { } port || !((IHostApplicationBuilder)builder).Properties.TryAdd(Marker, true))
        {
            return builder;
        }

        IReadOnlyList<string>? listened = null;
        var configured = builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (configured.Count > 0)
        {
            // Kestrel ignores plain addresses when endpoints are configured, but combines them with endpoints set in code.
            var urls = ManagementAddresses.For(options.Host, port, configured);
            listened = urls;
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                foreach (var url in urls)
                {
                    Listen(kestrel, ManagementAddresses.HostOf(url) ?? "*", port);
                }
            });
        }

        builder.Services.AddSingleton<IStartupFilter>(sp => new ManagementPortStartupFilter(sp, sp.GetRequiredService<ManagementEndpoints>(), listened));
        return builder;
    }

    private static void Listen(KestrelServerOptions kestrel, string host, int port)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(port);
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            kestrel.Listen(address, port);
        }
        else
        {
            kestrel.ListenAnyIP(port);
        }
    }
}
