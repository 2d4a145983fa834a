using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// What the <c>http.inbound</c> line says about the request beyond its method and path: the query string, and, when
/// switched on, each header as its own field and the start of the body, every secret masked by the host's policy.
/// </summary>
internal sealed class RequestCapture(MoniKitHttpOptions options, RedactionPolicy redaction)
{
    public string? Query(HttpRequest request) =>
        request.QueryString.HasValue ? redaction.RedactQuery(request.QueryString.Value) : null;

    /// <summary>Adds <c>http.request.header.&lt;name&gt;</c> per header, secret headers masked and URLs redacted.</summary>
    public void AddHeaders(StructuredLogState state, HttpRequest request)
    {
        foreach (var (name, values) in request.Headers)
        {
            var field = LogFields.HttpRequestHeaderPrefix + name.ToLowerInvariant();
            if (redaction.IsSensitiveHeader(name))
            {
                state.Add(field, Redaction.Mask);
                continue;
            }

            state.Add(field, values.Count == 1 ? redaction.RedactUrls(values[0]) : string.Join(", ", values.Select(redaction.RedactUrls)));
        }
    }

    /// <summary>
    /// The start of the body with secrets masked, parsed by its content type: JSON, a form or a multipart form. Any
    /// other body is described (type and length), never copied. The body is left readable for the endpoint.
    /// </summary>
    public async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (options.MaxBodyBytes == 0 || !HasBody(request))
        {
            return null;
        }

        var media = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        var kind = BodyKinds.Of(media);
        if (kind == BodyKind.Other)
        {
            return BodyKinds.Describe(media, request.ContentType, request.ContentLength);
        }

        var (buffer, read, complete) = await ReadStartAsync(request, options.MaxBodyBytes);
        if (read == 0)
        {
            return null;
        }

        var body = buffer.AsSpan(0, read);
        return kind switch
        {
            BodyKind.Json => redaction.RedactJson(body, complete),
            BodyKind.Form => FormBodyRedactor.Redact(redaction, body, complete),
            _ => MultipartBodyRedactor.Redact(redaction, body, HeaderUtilities.RemoveQuotes(media!.Boundary).ToString(), complete),
        };
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength switch
    {
        > 0 => true,
        0 => false,
        _ => request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? request.Headers.TransferEncoding.Count > 0,
    };

    // Reads one byte past the limit, so a body of exactly the limit is known to be whole.
    private static async Task<(byte[] Buffer, int Read, bool Complete)> ReadStartAsync(HttpRequest request, int maxBytes)
    {
        request.EnableBuffering();
        var buffer = new byte[maxBytes + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        request.Body.Position = 0;
        return read > maxBytes ? (buffer, maxBytes, false) : (buffer, read, true);
    }
}
