using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MoniKit.AspNetCore.Implementation;
using MoniKit.AspNetCore.Management;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Adds MoniKit's middleware and endpoints to an ASP.NET Core application.</summary>
public static class MoniKitWebApplicationExtensions
{
    /// <summary>
    /// Logs one line per request, turns unhandled exceptions into <c>application/problem+json</c> responses that
    /// carry the trace id, echoes the trace id in <c>X-Trace-Id</c>, and maps the management endpoints
    /// (<c>/metrics</c>, <c>/metrics-text</c>, <c>/env</c>, <c>/ping</c>, <c>/health</c>, <c>/alive</c>).
    /// Call it first, before other middleware, so that their failures are logged and answered too.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication UseMoniKit(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetService<MoniKit.AspNetCore.MoniKitHttpOptions>() is null)
        {
            throw new InvalidOperationException("Call builder.AddMoniKit() before app.UseMoniKit().");
        }

        app.UseMiddleware<RequestLoggingMiddleware>((Func<HttpContext, bool>)ManagementEndpointMetadata.IsManagementRequest);
        app.MapMoniKitManagementEndpoints();
        return app;
    }
}
