namespace MoniKit.Benchmarks;

/// <summary>The fields of a typical <c>http.inbound</c> line, shared by every log benchmark so they write the same event.</summary>
public static class InboundEvent
{
    public const string Logger = "MoniKit.AspNetCore.Implementation.RequestLoggingMiddleware";

    public const string Message = "HTTP GET /orders/{id:int} responded 200 in 0.4 ms";

    public static readonly KeyValuePair<string, object?>[] Fields =
    [
        new(LogFields.Kind, EventKinds.HttpInbound),
        new(LogFields.HttpRequestMethod, "GET"),
        new(LogFields.UrlPath, "/orders/42"),
        new(LogFields.HttpRoute, "/orders/{id:int}"),
        new(LogFields.HttpResponseStatusCode, 200),
        new(LogFields.EventDuration, 412_300L),
        new(LogFields.ClientIp, "127.0.0.1"),
        new(LogFields.UserAgent, "wrk/4.2.0"),
    ];

    public static readonly MoniKitOptions Service = new()
    {
        ServiceName = "orders",
        ServiceVersion = "1.4.2",
        Environment = "Production",
    };
}
