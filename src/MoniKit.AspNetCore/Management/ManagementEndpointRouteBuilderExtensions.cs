using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MoniKit.AspNetCore.Management;
using MoniKit.Metrics;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps MoniKit's management endpoints onto ASP.NET Core routing.</summary>
public static class ManagementEndpointRouteBuilderExtensions
{
    private static readonly ConditionalWeakTable<IEndpointRouteBuilder, object> Mapped = [];

    /// <summary>
    /// Maps every enabled management endpoint (<c>/metrics</c>, <c>/metrics-text</c>, <c>/env</c>, <c>/ping</c>,
    /// <c>/health</c>, <c>/alive</c>) for GET and HEAD, anonymous, hidden from API descriptions and left out of
    /// <c>http.server.request.duration</c>, so scrapes and probes never count in the service's SLIs. When
    /// <c>MoniKit:Management:Port</c> is set nothing is mapped here: the endpoints answer on that port only
    /// (<c>AddMoniKitManagementPort</c>). Safe to call twice.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddMoniKitMetrics</c> was not called on the builder.</exception>
    public static IEndpointRouteBuilder MapMoniKitManagementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetService<ManagementEndpoints>()
            ?? throw new InvalidOperationException("MoniKit management endpoints need builder.AddMoniKitMetrics() (or builder.AddMoniKit()) first.");
        if (handler.Options.Port is not null || !Mapped.TryAdd(endpoints, handler))
        {
            return endpoints;
        }

        foreach (var path in handler.Paths)
        {
            endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Head], context => ManagementHttpResponder.WriteAsync(context, handler, path))
                .WithMetadata(ManagementEndpointMetadata.Instance)
                .WithDisplayName("MoniKit management " + path)
                .ExcludeFromDescription()
                .DisableHttpMetrics()
                .AllowAnonymous();
        }

        return endpoints;
    }
}
