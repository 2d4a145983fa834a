using System.Net;
using Microsoft.AspNetCore.Hosting;
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
    /// <c>Kestrel:Endpoints</c>). Calls <c>AddMoniKitMetrics</c> if needed. Safe to call twice.
    /// </summary>
    /// <remarks>An application that binds Kestrel in code (<c>options.Listen(...)</c>) must also listen on the management port itself.</remarks>
    public static WebApplicationBuilder AddMoniKitManagementPort(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMoniKitMetrics();
        var options = builder.AddMoniKitOptions<ManagementEndpointOptions>(ManagementEndpointOptions.SectionName, static _ => []);
        if (options.Port is not { } port || !((IHostApplicationBuilder)builder).Properties.TryAdd(Marker, true))
        {
            return builder;
        }

        if (builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            // Kestrel ignores plain addresses when endpoints are configured, but combines them with endpoints set in code.
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                if (options.Host == "*")
                {
                    kestrel.ListenAnyIP(port);
                }
                else if (IPAddress.TryParse(options.Host, out var address))
                {
                    kestrel.Listen(address, port);
                }
                else
                {
                    kestrel.ListenLocalhost(port);
                }
            });
        }
        else
        {
            builder.Services.AddSingleton<IStartupFilter>(sp => new ManagementPortStartupFilter(sp, ManagementPortStartupFilter.Url(options.Host, port)));
        }

        return builder;
    }
}
