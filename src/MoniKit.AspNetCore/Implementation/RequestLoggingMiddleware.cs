using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// Writes one line per request (<c>http.inbound</c>) and turns an unhandled exception into a problem-details 500.
/// A failed request is logged once, as an <c>exception</c> line that carries the request fields too, so one error
/// makes one Error line and one alert. A request still running when the host has stopped is logged then, with 499.
/// </summary>
internal sealed class RequestLoggingMiddleware(
    RequestDelegate next,
    ILogger<RequestLoggingMiddleware> logger,
    MoniKitHttpOptions options,
    ProblemDetailsWriter problemWriter,
    RequestCapture capture,
    Func<HttpContext, bool> isManagementRequest,
    IHostApplicationLifetime lifetime,
    AnsweredRejections answeredRejections)
{
    private static readonly EventId InboundEvent = new(1, "http.inbound");
    private static readonly EventId ExceptionEvent = new(2, "exception");
    private const int ClientClosedRequest = 499;

    private readonly ConcurrentDictionary<InFlightRequest, byte> _inFlight = new();
    private int _watchingStop;

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var traceId = Activity.Current?.TraceId.ToHexString();
        if (options.TraceIdHeader && traceId is not null)
        {
            context.Response.Headers[TraceIdPropagator.HeaderName] = traceId;
        }

        var body = options.CaptureBody ? await capture.ReadBodyAsync(context.Request) : null;
        if (_watchingStop == 0 && Interlocked.Exchange(ref _watchingStop, 1) == 0)
        {
            lifetime.ApplicationStopped.Register(LogAbandoned);
        }

        var tracked = new InFlightRequest(context, start, body);
        context.Features.Set(tracked);
        _inFlight.TryAdd(tracked, 0);
        Exception? failure = null;
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away and nobody reads a response, but the request still gets its line, with the
            // de-facto "client closed request" status.
            Log(context, start, null, body, ClientClosedRequest);
            throw;
        }
        catch (BadHttpRequestException rejected) when (!context.Response.HasStarted)
        {
            // Kestrel rejected the request while the application read it (a body over the limit, broken chunking):
            // the client's error, answered with Kestrel's status, not a 500 and an alert.
            context.Response.Clear();
            context.Response.StatusCode = rejected.StatusCode;
            answeredRejections.Add(context.Connection.Id);
        }
        catch (Exception ex)
        {
            failure = ex;
            if (context.Response.HasStarted)
            {
                Log(context, start, ex, body);
                throw;
            }

            await problemWriter.WriteAsync(context, traceId);
        }
        finally
        {
            _inFlight.TryRemove(tracked, out _);
        }

        Log(context, start, failure, body);
    }

    private void LogAbandoned()
    {
        foreach (var request in _inFlight.Keys)
        {
            try
            {
                Log(request.Context, request.Start, null, request.Body, ClientClosedRequest);
            }
            catch (ObjectDisposedException)
            {
                // The server already released the request's connection; nothing is left to describe it.
            }
        }
    }

    private void Log(HttpContext context, long start, Exception? failure, string? body, int? statusOverride = null)
    {
        if (context.Features.Get<InFlightRequest>() is { } tracked && !tracked.TryClaim())
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var status = statusOverride ?? context.Response.StatusCode;
        var level = failure is not null || status >= 500 ? LogLevel.Error
            : status >= 400 || elapsed.TotalMilliseconds > options.SlowRequestThresholdMs ? LogLevel.Warning
            : isManagementRequest(context) ? LogLevel.Debug
            : LogLevel.Information;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var request = context.Request;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        var message = failure is null
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {request.Method} {route ?? request.Path.Value} responded {status} in {new Milliseconds(elapsed)} ms")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP {request.Method} {route ?? request.Path.Value} failed with {failure.GetType().Name} after {new Milliseconds(elapsed)} ms");
        var state = new StructuredLogState(message)
            .Add(LogFields.Kind, failure is null ? EventKinds.HttpInbound : EventKinds.Exception)
            .Add(LogFields.HttpRequestMethod, request.Method)
            .Add(LogFields.UrlPath, request.Path.Value)
            .Add(LogFields.UrlQuery, capture.Query(request))
            .Add(LogFields.HttpRoute, route)
            .Add(LogFields.HttpResponseStatusCode, status)
            .Add(LogFields.EventDuration, (long)(elapsed.Ticks * 100))
            .Add(LogFields.EventOutcome, failure is not null || status >= 500 ? "failure" : "success")
            .Add(LogFields.ClientIp, context.Connection.RemoteIpAddress?.ToString())
            .Add(LogFields.UserAgent, request.Headers.UserAgent.Count > 0 ? request.Headers.UserAgent.ToString() : null)
            .Add(LogFields.HttpRequestBody, body);
        if (options.CaptureHeaders)
        {
            capture.AddHeaders(state, request);
        }

        logger.Log(level, failure is null ? InboundEvent : ExceptionEvent, state, failure, StructuredLogState.Formatter);
    }
}
