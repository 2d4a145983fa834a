using System.Diagnostics;
using MoniKit.Tracing.Implementation;
using OpenTelemetry.Trace;

namespace MoniKit.Tracing.Tests;

[TestClass]
public sealed class ParentIgnoringSamplerProcessorTests
{
    // The sampled traceparent of a caller, as MoniKit.AspNetCore's listener records it.
    private static readonly ActivityContext SampledParent = new(
        ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

    [TestMethod]
    public void OnStart_AlwaysOffAndRecordedActivity_ClearsTheSampledFlag()
    {
        using var activity = RecordedActivity();
        using var processor = new ParentIgnoringSamplerProcessor(new AlwaysOffSampler());

        processor.OnStart(activity);

        Assert.IsFalse(activity.Recorded);
        Assert.AreEqual(SampledParent.TraceId, activity.TraceId, "the trace id stays for the logs");
    }

    [TestMethod]
    public void OnStart_RatioThatKeepsTheTrace_LeavesTheFlag()
    {
        using var activity = RecordedActivity();
        using var processor = new ParentIgnoringSamplerProcessor(new TraceIdRatioBasedSampler(1));

        processor.OnStart(activity);

        Assert.IsTrue(activity.Recorded);
    }

    [TestMethod]
    public void OnStart_RatioThatDropsTheTrace_ClearsTheFlag()
    {
        using var activity = RecordedActivity();
        using var processor = new ParentIgnoringSamplerProcessor(new TraceIdRatioBasedSampler(0));

        processor.OnStart(activity);

        Assert.IsFalse(activity.Recorded);
    }

    private static Activity RecordedActivity()
    {
        var activity = new Activity("GET /orders/{id:int}");
        activity.SetParentId(SampledParent.TraceId, SampledParent.SpanId, SampledParent.TraceFlags);
        activity.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        return activity.Start();
    }
}
