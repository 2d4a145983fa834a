using System.Diagnostics;
using System.Text.Json;
using MoniKit.Logging.Implementation;
using NLog;

namespace MoniKit.Logging.Tests;

/// <summary>The context captured on the logging thread: trace ids and scope properties, pushed straight into NLog.</summary>
[TestClass]
public sealed class LogContextLayoutTests
{
    [TestMethod]
    public void Capture_OwnScopeWithAspNetCoreNames_WrittenAsTheServicesOwnFields()
    {
        using var scope = ScopeContext.PushNestedStateProperties(
            new HostingLogScope(),
            [new("RequestId", "mine"), new("RequestPath", "/own"), new("ConnectionId", "c-1")]);

        var context = Context(new LogEventInfo(NLog.LogLevel.Info, "Test", "m"));

        Assert.AreEqual("mine", context.GetProperty("RequestId").GetString());
        Assert.AreEqual("/own", context.GetProperty("RequestPath").GetString());
        Assert.AreEqual("c-1", context.GetProperty("ConnectionId").GetString());
        Assert.IsFalse(context.TryGetProperty(LogFields.HttpRequestId, out _), "Only ASP.NET Core's own scope has the request id.");
    }

    [TestMethod]
    public void Capture_ScopeNamedLikeAnEcsFieldSet_MovedUnderLabels()
    {
        using var scope = ScopeContext.PushNestedStateProperties(null, [new("user", "bob"), new("tenant", "acme"), new("host", 3)]);

        var context = Context(new LogEventInfo(NLog.LogLevel.Info, "Test", "m"));

        Assert.AreEqual("bob", context.GetProperty("labels.user").GetString());
        Assert.AreEqual(3, context.GetProperty("monikit.values.host").GetInt32());
        Assert.AreEqual("acme", context.GetProperty("tenant").GetString());
    }

    [TestMethod]
    public void Capture_ScopeAndEventWithOneName_TheEventsValueWins()
    {
        using var scope = ScopeContext.PushNestedStateProperties(null, [new("OrderId", "from scope"), new("Basket", 3)]);
        var logEvent = new LogEventInfo(NLog.LogLevel.Info, "Test", "m");
        logEvent.Properties["OrderId"] = 42;

        var context = Context(logEvent);

        Assert.IsFalse(context.TryGetProperty("OrderId", out _));
        Assert.AreEqual(3, context.GetProperty("Basket").GetInt32());
    }

    [TestMethod]
    public void Capture_InsideW3CActivity_WritesItsTraceAndSpanIds()
    {
        using var activity = new Activity("work").SetIdFormat(ActivityIdFormat.W3C).Start();

        var context = Context(new LogEventInfo(NLog.LogLevel.Info, "Test", "m"));

        Assert.AreEqual(activity.TraceId.ToHexString(), context.GetProperty(LogFields.TraceId).GetString());
        Assert.AreEqual(activity.SpanId.ToHexString(), context.GetProperty(LogFields.SpanId).GetString());
    }

    [TestMethod]
    public void Capture_NoActivityNoScope_Nothing() =>
        Assert.IsNull(LogContextLayout.Capture(new LogEventInfo(NLog.LogLevel.Info, "Test", "m"), PropertyNames.Default));

    private static JsonElement Context(LogEventInfo logEvent)
    {
        using var document = JsonDocument.Parse("{\"line\":1" + LogContextLayout.Capture(logEvent, PropertyNames.Default) + "}");
        return document.RootElement.Clone();
    }

    // Named like ASP.NET Core hosting's scope, but the service's own: its type is no framework type.
    private sealed class HostingLogScope;
}
