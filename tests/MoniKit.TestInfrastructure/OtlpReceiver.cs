using System.Diagnostics;
using System.IO.Compression;
using System.Net;

namespace MoniKit.TestInfrastructure;

/// <summary>
/// A loopback OTLP/HTTP collector for traces: it accepts <c>POST /v1/traces</c> with a protobuf
/// <c>ExportTraceServiceRequest</c>, answers 200 as a collector does, and keeps every span it received. Point a
/// service at it with <c>OTEL_EXPORTER_OTLP_ENDPOINT=</c><see cref="Endpoint"/> and
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly List<OtlpSpan> _spans = [];
    private readonly List<string> _requests = [];
    private readonly LoopbackListener _listener;

    /// <summary>Starts the receiver on a free loopback port.</summary>
    public OtlpReceiver() => _listener = new LoopbackListener(AnswerAsync);

    /// <summary>The collector's base URL, for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint => _listener.BaseUrl;

    /// <summary>Every span received so far, in arrival order.</summary>
    public IReadOnlyList<OtlpSpan> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>The method and path of every request received so far, whatever it was.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_spans)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the spans so far, or the time is up; returns them.</summary>
    public async Task<IReadOnlyList<OtlpSpan>> WaitForAsync(Func<IReadOnlyList<OtlpSpan>, bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var spans = Spans;
            if (condition(spans) || clock.Elapsed > timeout)
            {
                return spans;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the first span that matches; fails with the spans received when none comes in time.</summary>
    public async Task<OtlpSpan> WaitForSpanAsync(Func<OtlpSpan, bool> match, TimeSpan timeout) =>
        (await WaitForAsync(spans => spans.Any(match), timeout)).FirstOrDefault(match)
        ?? throw new TimeoutException($"No matching span within {timeout}; received:\n{string.Join('\n', Spans)}");

    /// <summary>Stops listening.</summary>
    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            using var body = new MemoryStream();
            var input = string.Equals(request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(request.InputStream, CompressionMode.Decompress)
                : request.InputStream;
            await using (input)
            {
                await input.CopyToAsync(body);
            }

            var path = request.Url?.AbsolutePath ?? "/";
            var traces = request.HttpMethod == "POST" && path == "/v1/traces";
            var spans = traces ? OtlpTraceDecoder.Decode(body.ToArray()) : [];
            lock (_spans)
            {
                _requests.Add($"{request.HttpMethod} {path}");
                _spans.AddRange(spans);
            }

            // An empty ExportTraceServiceResponse is an empty protobuf message: full success.
            response.StatusCode = traces ? 200 : 404;
            response.ContentType = "application/x-protobuf";
            response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException or FormatException)
        {
            try
            {
                response.StatusCode = 400;
                response.Close();
            }
            catch (Exception inner) when (inner is ObjectDisposedException or InvalidOperationException or HttpListenerException)
            {
            }
        }
    }
}
