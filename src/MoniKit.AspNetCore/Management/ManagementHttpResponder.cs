using Microsoft.AspNetCore.Http;
using MoniKit.Metrics;

namespace MoniKit.AspNetCore.Management;

/// <summary>Answers one HTTP request from <see cref="ManagementEndpoints"/>, with 404 for a path it does not serve.</summary>
internal static class ManagementHttpResponder
{
    public static async Task WriteAsync(HttpContext context, ManagementEndpoints handler, string path)
    {
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
