using Microsoft.AspNetCore.Http;

namespace MoniKit.AspNetCore.Management;

/// <summary>Marks the endpoints mapped by <c>MapMoniKitManagementEndpoints</c>, so scrapes and probes can be told apart.</summary>
internal sealed class ManagementEndpointMetadata
{
    public static ManagementEndpointMetadata Instance { get; } = new();

    /// <summary>
    /// Whether the request was routed to a management endpoint (<c>/metrics</c>, <c>/health</c>, ...). Valid once
    /// routing has run, for example after <c>await next(context)</c> in a middleware.
    /// </summary>
    public static bool IsManagementRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint()?.Metadata.GetMetadata<ManagementEndpointMetadata>() is not null;
    }
}
