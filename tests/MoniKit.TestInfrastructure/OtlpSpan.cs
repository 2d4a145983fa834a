namespace MoniKit.TestInfrastructure;

/// <summary>One span an <see cref="OtlpReceiver"/> received, with the resource and scope it came under.</summary>
/// <param name="TraceId">The trace id, 32 lower-case hex digits.</param>
/// <param name="SpanId">The span id, 16 lower-case hex digits.</param>
/// <param name="ParentSpanId">The parent's span id, or <see langword="null"/> for a root span.</param>
/// <param name="Name">The span name, such as <c>GET /orders/{id:int}</c>.</param>
/// <param name="Kind">The OTLP span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</param>
/// <param name="StatusCode">The OTLP status code: 0 unset, 1 ok, 2 error.</param>
/// <param name="Scope">The instrumentation scope (the ActivitySource's name).</param>
/// <param name="Attributes">The span's attributes with scalar values, as text.</param>
/// <param name="Resource">The resource's attributes with scalar values, as text.</param>
public sealed record OtlpSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    int Kind,
    int StatusCode,
    string Scope,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyDictionary<string, string> Resource)
{
    /// <summary>An attribute's value, or <see langword="null"/> when the span has none of that name.</summary>
    public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Name} [{Scope}] {TraceId}/{SpanId} parent {ParentSpanId ?? "none"}";
}
