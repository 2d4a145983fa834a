using System.Diagnostics;

namespace MoniKit.AspNetCore.Implementation;

/// <summary>
/// The W3C propagator, extended to accept an <c>X-Trace-Id</c> header when no <c>traceparent</c> arrives, so
/// callers of the original moni-kit keep their trace ids.
/// </summary>
internal sealed class TraceIdPropagator(DistributedContextPropagator inner) : DistributedContextPropagator
{
    public const string HeaderName = "X-Trace-Id";

    public override IReadOnlyCollection<string> Fields => inner.Fields;

    public override void Inject(Activity? activity, object? carrier, PropagatorSetterCallback? setter) =>
        inner.Inject(activity, carrier, setter);

    public override void ExtractTraceIdAndState(
        object? carrier, PropagatorGetterCallback? getter, out string? traceId, out string? traceState)
    {
        inner.ExtractTraceIdAndState(carrier, getter, out traceId, out traceState);
        if (traceId is not null || getter is null)
        {
            return;
        }

        getter(carrier, HeaderName, out var value, out _);
        if (value is not null && TraceContext.TryParseTraceId(value, out var parsed))
        {
            // The caller names the trace, not a span: a fresh parent span id joins this request to that trace.
            traceId = $"00-{parsed.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        }
    }

    public override IEnumerable<KeyValuePair<string, string?>>? ExtractBaggage(object? carrier, PropagatorGetterCallback? getter) =>
        inner.ExtractBaggage(carrier, getter);
}
