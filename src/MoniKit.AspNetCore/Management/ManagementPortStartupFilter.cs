using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using MoniKit.AspNetCore.Implementation;
using MoniKit.Metrics;

namespace MoniKit.AspNetCore.Management;

/// <summary>
/// Just before the server starts, once the host has filled the application's addresses from <c>urls</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c> or <c>app.Urls</c>: adds the management addresses (unless Kestrel's endpoints are
/// configured, which then listen on them), checks they can be bound, and puts in front of the whole pipeline a
/// branch that answers every request on the management port from the management endpoints alone, so no application
/// endpoint or middleware is reachable through it.
/// </summary>
internal sealed class ManagementPortStartupFilter(IServiceProvider services, ManagementEndpoints endpoints, IReadOnlyList<string>? listened) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
    {
        var port = endpoints.Options.Port ?? throw new InvalidOperationException($"{ManagementAddresses.PortKey} is not set.");
        var urls = listened ?? AddToServerAddresses(port);
        ManagementPortProbe.EnsureBindable(urls, port);
        return app =>
        {
            var branch = app.New();
            if (app.ApplicationServices.GetService<MoniKitHttpOptions>() is not null)
            {
                // The same http.inbound lines as on the application's port: Debug for a scrape, Warn for a 404.
                branch.UseMiddleware<RequestLoggingMiddleware>((Func<HttpContext, bool>)(static _ => true));
            }

            branch.Run(context => ManagementHttpResponder.WriteAsync(context, endpoints, context.Request.Path.Value ?? "/"));
            var management = branch.Build();
            app.Use(inner => context =>
            {
                if (context.Connection.LocalPort != port)
                {
                    return inner(context);
                }

                // Scrapes and probes are not the service's traffic: they stay out of http.server.request.duration.
                if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
                {
                    metrics.MetricsDisabled = true;
                }

                return management(context);
            });
            next(app);
        };
    }

    private IReadOnlyList<string> AddToServerAddresses(int port)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        if (addresses is not { IsReadOnly: false })
        {
            return [];
        }

        if (addresses.Count == 0)
        {
            addresses.Add(ManagementAddresses.KestrelDefault);
        }

        var urls = ManagementAddresses.For(endpoints.Options.Host, port, addresses);
        foreach (var url in urls.Where(u => !addresses.Contains(u)))
        {
            addresses.Add(url);
        }

        return urls;
    }
}
