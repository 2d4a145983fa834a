namespace MoniKit.AspNetCore;

/// <summary>Inbound and outbound HTTP logging settings, bound from <c>MoniKit:Http</c>.</summary>
public sealed class MoniKitHttpOptions
{
    /// <summary>The configuration section, under <c>MoniKit</c>.</summary>
    public const string SectionName = "Http";

    /// <summary>
    /// A request slower than this is logged at Warn even when it succeeded. Default value: 1000.
    /// </summary>
    public int SlowRequestThresholdMs { get; set; } = 1000;

    /// <summary>
    /// Adds each request header to the <c>http.inbound</c> line as <c>http.request.header.&lt;name&gt;</c>, with
    /// secrets such as <c>Authorization</c> and <c>Cookie</c> masked and URLs redacted. Default value: <see langword="false"/>.
    /// </summary>
    public bool CaptureHeaders { get; set; }

    /// <summary>
    /// Adds the start of the request body to the <c>http.inbound</c> line, read by content type (JSON, form or
    /// multipart form) with every value under a secret name masked; other bodies are described by type and length.
    /// Default value: <see langword="false"/>.
    /// </summary>
    public bool CaptureBody { get; set; }

    /// <summary>How many bytes of a body are captured at most. Default value: 4096.</summary>
    public int MaxBodyBytes { get; set; } = 4096;

    /// <summary>
    /// Logs each outbound call made through <c>IHttpClientFactory</c> as an <c>http.outbound</c> line.
    /// Default value: <see langword="true"/>.
    /// </summary>
    public bool LogOutbound { get; set; } = true;

    /// <summary>
    /// Accepts a trace id in an <c>X-Trace-Id</c> request header when no <c>traceparent</c> is sent, as the original
    /// moni-kit did, and echoes the trace id in an <c>X-Trace-Id</c> response header. Default value: <see langword="true"/>.
    /// </summary>
    public bool TraceIdHeader { get; set; } = true;

    internal IEnumerable<string> Validate()
    {
        const string prefix = "MoniKit:Http:";
        if (SlowRequestThresholdMs < 0)
        {
            yield return $"{prefix}{nameof(SlowRequestThresholdMs)} must be 0 or more (was {SlowRequestThresholdMs})";
        }

        if (MaxBodyBytes is < 0 or > 1_048_576)
        {
            yield return $"{prefix}{nameof(MaxBodyBytes)} must be between 0 and 1048576 (was {MaxBodyBytes})";
        }
    }
}
