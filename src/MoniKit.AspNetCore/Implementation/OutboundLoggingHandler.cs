using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// Writes one <c>http.outbound</c> line per call, its URL redacted by the host's policy (user info removed, secret
/// query and fragment values masked). Failures are logged at Warn, not Error: the caller decides whether
/// a failed call is an error, and an alerting client must never alert about itself.
/// </summary>
internal sealed class OutboundLoggingHandler(ILogger logger, MoniKitHttpOptions options, RedactionPolicy redaction) : DelegatingHandler
{
    private static readonly EventId OutboundEvent = new(3, "http.outbound");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            Log(request, start, (int)response.StatusCode, null);
            return response;
        }
        catch (Exception ex)
        {
            Log(request, start, null, ex);
            throw;
        }
    }

    private void Log(HttpRequestMessage request, long start, int? status, Exception? failure)
    {
        var elapsed = Stopwatch.GetElapsedTime(start);
        var level = failure is not null || status >= 400 || elapsed.TotalMilliseconds > options.SlowRequestThresholdMs
            ? LogLevel.Warning
            : LogLevel.Information;
        if (!logger.IsEnabled(level))
        {
            return;
        }

        var url = request.RequestUri is null ? null : redaction.RedactUri(request.RequestUri);
        var outcome = failure is null ? status?.ToString(CultureInfo.InvariantCulture) : failure.GetType().Name;
        var state = new StructuredLogState(string.Create(CultureInfo.InvariantCulture, $"HTTP {request.Method} {url} returned {outcome} in {elapsed.TotalMilliseconds:0.0} ms"))
            .Add(LogFields.Kind, EventKinds.HttpOutbound)
            .Add(LogFields.HttpRequestMethod, request.Method.Method)
            .Add(LogFields.UrlFull, url)
            .Add(LogFields.ServerAddress, request.RequestUri is { IsAbsoluteUri: true } uri ? uri.Host : null)
            .Add(LogFields.HttpResponseStatusCode, status)
            .Add(LogFields.EventDuration, (long)(elapsed.Ticks * 100))
            .Add(LogFields.EventOutcome, failure is null && status < 400 ? "success" : "failure");
        logger.Log(level, OutboundEvent, state, failure, StructuredLogState.Formatter);
    }
}
