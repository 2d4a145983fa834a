using OpenTelemetry.Trace;

namespace MoniKit.Tracing.Implementation;

/// <summary>The samplers of <c>OTEL_TRACES_SAMPLER</c> that OpenTelemetry .NET implements, by their standard names.</summary>
internal static class SamplerNames
{
    public const string ParentBasedAlwaysOn = "parentbased_always_on";
    public const string ParentBasedAlwaysOff = "parentbased_always_off";
    public const string ParentBasedTraceIdRatio = "parentbased_traceidratio";
    public const string AlwaysOn = "always_on";
    public const string AlwaysOff = "always_off";
    public const string TraceIdRatio = "traceidratio";

    public static IReadOnlyList<string> All { get; } =
        [ParentBasedAlwaysOn, ParentBasedAlwaysOff, ParentBasedTraceIdRatio, AlwaysOn, AlwaysOff, TraceIdRatio];

    public static bool UsesRatio(string name) => name is TraceIdRatio or ParentBasedTraceIdRatio;

    /// <summary>
    /// Whether the sampler decides without looking at the caller's sampled flag. Only these can disagree with a
    /// listener that honours that flag, such as MoniKit.AspNetCore's.
    /// </summary>
    public static bool IgnoresParent(string name) => name is AlwaysOff or TraceIdRatio;

    public static Sampler Create(string name, double ratio) => name switch
    {
        AlwaysOn => new AlwaysOnSampler(),
        AlwaysOff => new AlwaysOffSampler(),
        TraceIdRatio => new TraceIdRatioBasedSampler(ratio),
        ParentBasedAlwaysOff => new ParentBasedSampler(new AlwaysOffSampler()),
        ParentBasedTraceIdRatio => new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)),
        _ => new ParentBasedSampler(new AlwaysOnSampler()),
    };
}
