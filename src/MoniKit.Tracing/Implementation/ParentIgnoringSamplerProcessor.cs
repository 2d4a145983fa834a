using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MoniKit.Tracing.Implementation;

/// <summary>
/// Lets a sampler that ignores the caller's decision (<c>always_off</c>, <c>traceidratio</c>) have the last word.
/// MoniKit.AspNetCore's own listener records every request and outbound call whose parent was sampled, so that the
/// flag travels on without a tracer; .NET keeps the most generous answer of all listeners, so such an activity would
/// be recorded, and exported, whatever this sampler said. Clearing the flag as the activity starts, before any child
/// or outgoing <c>traceparent</c> sees it, restores the sampler's decision. Parent-based samplers agree with that
/// listener and need no correction.
/// </summary>
internal sealed class ParentIgnoringSamplerProcessor(Sampler sampler) : BaseProcessor<Activity>
{
    public override void OnStart(Activity data)
    {
        if (!data.Recorded)
        {
            return;
        }

        var parameters = new SamplingParameters(default, data.TraceId, data.DisplayName, data.Kind, data.TagObjects, data.Links);
        if (sampler.ShouldSample(parameters).Decision != SamplingDecision.RecordAndSample)
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
    }
}
