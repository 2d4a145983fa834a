using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// Writes the RFC 7807 <c>application/problem+json</c> body of an unhandled exception. It carries the trace id so a
/// user can quote it, and nothing of the exception itself.
/// </summary>
internal sealed class ProblemDetailsWriter(IProblemDetailsService problemDetails)
{
    public async Task WriteAsync(HttpContext context, string? traceId)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = "An unexpected error occurred.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.6.1",
            Instance = context.Request.Path.Value,
        };
        if (traceId is not null)
        {
            context.Response.Headers[TraceIdPropagator.HeaderName] = traceId;
        }

        if (!await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            problem.Extensions["traceId"] = traceId;
            await context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
        }
    }
}
