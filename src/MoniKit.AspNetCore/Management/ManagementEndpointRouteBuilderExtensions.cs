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
    /// <c>/health</c>, <c>/alive</c>) for GET and HEAD, anonymous and hidden from API descriptions. When
    /// <c>MoniKit:Management:Port</c> is set they answer on that port only. Safe to call twice.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>AddMoniKitMetrics</c> was not called on the builder.</exception>
    public static IEndpointRouteBuilder MapMoniKitManagementEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = endpoints.ServiceProvider.GetService<ManagementEndpoints>()
            ?? throw new InvalidOperationException("MoniKit management endpoints need builder.AddMoniKitMetrics() (or builder.AddMoniKit()) first.");
        if (!Mapped.TryAdd(endpoints, handler))
        {
            return endpoints;
        }

        var port = handler.Options.Port;
        foreach (var path in handler.Paths)
        {
            var route = endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Head], context => HandleAsync(context, handler, path, port))
                .WithMetadata(ManagementEndpointMetadata.Instance)
                .WithDisplayName("MoniKit management " + path)
                .ExcludeFromDescription()
                .AllowAnonymous();
            if (port is { } only)
            {
                route.RequireHost($"*:{only}");
            }
        }

        return endpoints;
    }

    private static async Task HandleAsync(HttpContext context, ManagementEndpoints handler, string path, int? port)
    {
        // The Host header is the client's to choose; the port the connection arrived on is not.
        if (port is { } only && context.Connection.LocalPort != only)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var headers = context.Request.Headers;
        var request = new ManagementRequest(context.Request.Method, path, name => headers.TryGetValue(name, out var value) ? value.ToString() : null);
        var response = await handler.HandleAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (response is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentLength = response.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
