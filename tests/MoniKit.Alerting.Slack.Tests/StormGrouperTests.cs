using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class StormGrouperTests
{
    private const string MiddlewareLogger = "MoniKit.AspNetCore.Implementation.RequestLoggingMiddleware";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    [TestMethod]
    public void Add_2000FailuresOfOneEndpoint_AtMostThreeMessagesAccountingForAll()
    {
        using var capture = new AlertCapture();
        var logger = capture.Logger(MiddlewareLogger);
        for (var i = 0; i < 2000; i++)
        {
            // The request line renders its elapsed time into the message, as the middleware does.
            LogRequestFailure(logger, "/demo/failure", Thrown("Demonstration failure"), 60 + (i * 0.013));
        }

        var messages = Group(capture.Take(), TimeSpan.FromMilliseconds(50));

        Assert.IsLessThanOrEqualTo(3, messages.Count, string.Join('\n', messages.Take(5).Select(m => m.Sample?.Message)));
        Assert.AreEqual(AlertMessageKind.Alert, messages[0].Kind);
        Assert.IsTrue(messages.Skip(1).All(m => m.Kind == AlertMessageKind.FollowUp));
        Assert.AreEqual(2000, messages.Sum(m => m.EventCount));
    }

    [TestMethod]
    public void Add_SameFaultWithDifferentMessages_OneGroupAndTheAlertAfterTheWindowIsRecurring()
    {
        using var capture = new AlertCapture();
        var logger = capture.Logger("Orders.Checkout");
        logger.LogError(Thrown("Order 1 is locked"), "Checkout failed");
        logger.LogError(Thrown("Order 2 is locked by another session"), "Checkout failed");
        var events = capture.Take();
        var time = new FakeTimeProvider();
        var grouper = new StormGrouper(Window, 1000);
        var followUps = new List<AlertMessage>();

        var first = grouper.Add(events[0], time.GetUtcNow(), out _);
        time.Advance(Window);
        grouper.Flush(time.GetUtcNow(), followUps.Add);
        time.Advance(TimeSpan.FromSeconds(5));
        var second = grouper.Add(events[1], time.GetUtcNow(), out _);

        Assert.AreEqual(events[0].ErrorGroup, events[1].ErrorGroup);
        Assert.AreEqual(events[0].GroupKey, events[1].GroupKey);
        Assert.IsEmpty(followUps, "a window with nothing folded makes no follow-up");
        Assert.IsFalse(first!.Recurring);
        Assert.IsNotNull(second, "the window had closed, so the second occurrence is alerted at once");
        Assert.IsTrue(second.Recurring);
        Assert.AreEqual(2, second.SeenSinceStart);
    }

    [TestMethod]
    public void Add_SameExceptionTypeFromAnotherThrowSite_IsAnotherGroup()
    {
        using var capture = new AlertCapture();
        var logger = capture.Logger("Orders.Checkout");
        logger.LogError(Thrown("locked"), "Checkout failed");
        logger.LogError(ThrownElsewhere("locked"), "Checkout failed");

        var events = capture.Take();

        Assert.AreNotEqual(events[0].ErrorGroup, events[1].ErrorGroup);
        Assert.AreNotEqual(events[0].GroupKey, events[1].GroupKey);
    }

    [TestMethod]
    public void Add_ServerErrorsWithoutException_GroupedByRouteAndStatusNotByElapsedTime()
    {
        using var capture = new AlertCapture();
        var logger = capture.Logger(MiddlewareLogger);
        LogRequestFailure(logger, "/orders/{id:int}", null, 12.5);
        LogRequestFailure(logger, "/orders/{id:int}", null, 98.125);
        LogRequestFailure(logger, "/orders/{id:int}", null, 3, status: 503);
        LogRequestFailure(logger, "/invoices/{id:int}", null, 12.5);

        var keys = capture.Take().Select(e => e.GroupKey).ToArray();

        Assert.AreEqual(keys[0], keys[1]);
        Assert.HasCount(3, keys.Distinct());
    }

    [TestMethod]
    public void Add_ApplicationTemplate_GroupsByTheTemplateNotItsValues()
    {
        using var capture = new AlertCapture();
        var logger = capture.Logger("Orders.Checkout");
        logger.LogError("Order {OrderId} could not be saved", 1);
        logger.LogError("Order {OrderId} could not be saved", 2);
        logger.LogError("Order {OrderId} was refused", 2);

        var keys = capture.Take().Select(e => e.GroupKey).ToArray();

        Assert.AreEqual(keys[0], keys[1]);
        Assert.AreNotEqual(keys[0], keys[2]);
    }

    [TestMethod]
    public void Flush_GroupStillFiring_OneFollowUpPerWindowThenForgottenWhenQuiet()
    {
        var time = new FakeTimeProvider();
        var grouper = new StormGrouper(Window, 1000);
        var alert = LocalAlertFileTests.Sample("Order 1 failed", "Error") with { GroupKey = "g", ErrorGroup = "g" };
        var messages = new List<AlertMessage>();

        messages.Add(grouper.Add(alert, time.GetUtcNow(), out _)!);
        for (var i = 0; i < 4; i++)
        {
            Assert.IsNull(grouper.Add(alert, time.GetUtcNow(), out _));
        }

        time.Advance(Window - TimeSpan.FromTicks(1));
        grouper.Flush(time.GetUtcNow(), messages.Add);
        Assert.HasCount(1, messages, "no follow-up before the window ends");
        time.Advance(TimeSpan.FromTicks(1));
        grouper.Flush(time.GetUtcNow(), messages.Add);
        time.Advance(Window);
        grouper.Flush(time.GetUtcNow(), messages.Add);
        var nextDue = grouper.NextDue;
        var again = grouper.Add(alert, time.GetUtcNow(), out _);

        Assert.HasCount(2, messages);
        Assert.AreEqual(AlertMessageKind.FollowUp, messages[1].Kind);
        Assert.AreEqual(4, messages[1].EventCount);
        Assert.AreEqual(5, messages[1].SeenSinceStart);
        Assert.AreEqual(DateTimeOffset.MaxValue, nextDue, "the quiet group was forgotten");
        Assert.IsNotNull(again);
        Assert.IsTrue(again.Recurring);
    }

    [TestMethod]
    public void Add_MoreGroupsThanTheLimit_SaysTheGroupsAreFull()
    {
        var time = new FakeTimeProvider();
        var grouper = new StormGrouper(Window, 2);
        var sample = LocalAlertFileTests.Sample("x", "Error");

        grouper.Add(sample with { GroupKey = "a", ErrorGroup = "a" }, time.GetUtcNow(), out var first);
        grouper.Add(sample with { GroupKey = "b", ErrorGroup = "b" }, time.GetUtcNow(), out var second);
        var third = grouper.Add(sample with { GroupKey = "c", ErrorGroup = "c" }, time.GetUtcNow(), out var full);

        Assert.IsFalse(first || second);
        Assert.IsNull(third);
        Assert.IsTrue(full);
    }

    [TestMethod]
    public void Add_Storm10000ErrorsIn10SecondsFromFourLoggers_AFewMessagesAccountingForAll()
    {
        using var capture = new AlertCapture();
        var loggers = Enumerable.Range(0, 4).Select(i => capture.Logger($"Orders.Worker{i}")).ToArray();
        var exception = new TimeoutException("database timeout");
        for (var i = 0; i < 10_000; i++)
        {
            loggers[i % 4].LogError(exception, "Order {OrderId} could not be saved", i);
        }

        var time = new FakeTimeProvider();
        var grouper = new StormGrouper(TimeSpan.FromSeconds(4), 1000);
        var messages = new List<AlertMessage>();
        foreach (var alert in capture.Take())
        {
            if (grouper.Add(alert, time.GetUtcNow(), out _) is { } message)
            {
                messages.Add(message);
            }

            time.Advance(TimeSpan.FromMilliseconds(1));
            grouper.Flush(time.GetUtcNow(), messages.Add);
        }

        grouper.Flush(time.GetUtcNow(), messages.Add, all: true);

        Assert.AreEqual(10_000, messages.Sum(m => m.EventCount));
        Assert.AreEqual(4, messages.Count(m => m.Kind == AlertMessageKind.Alert));
        Assert.IsLessThanOrEqualTo(16, messages.Count);
    }

    internal static void LogRequestFailure(ILogger logger, string route, Exception? failure, double milliseconds, int status = 500)
    {
        var message = failure is null
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP GET {route} responded {status} in {milliseconds:0.0##} ms")
            : string.Create(CultureInfo.InvariantCulture, $"HTTP GET {route} failed with {failure.GetType().Name} after {milliseconds:0.0##} ms");
        var state = new StructuredLogState(message)
            .Add(LogFields.Kind, failure is null ? EventKinds.HttpInbound : EventKinds.Exception)
            .Add(LogFields.HttpRequestMethod, "GET")
            .Add(LogFields.UrlPath, route)
            .Add(LogFields.HttpRoute, route)
            .Add(LogFields.HttpResponseStatusCode, status)
            .Add(LogFields.EventDuration, (long)(milliseconds * 1_000_000));
        logger.Log(LogLevel.Error, new EventId(2, "exception"), state, failure, StructuredLogState.Formatter);
    }

    internal static Exception Thrown(string message)
    {
        try
        {
            ThrowSite(message);
            return null!;
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    internal static Exception ThrownElsewhere(string message)
    {
        try
        {
            throw new InvalidOperationException(message);
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    private static void ThrowSite(string message) => throw new InvalidOperationException(message);

    private static List<AlertMessage> Group(IReadOnlyList<AlertEvent> events, TimeSpan gap)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var grouper = new StormGrouper(Window, 1000);
        var messages = new List<AlertMessage>();
        foreach (var alert in events)
        {
            if (grouper.Add(alert, time.GetUtcNow(), out _) is { } message)
            {
                messages.Add(message);
            }

            time.Advance(gap);
            grouper.Flush(time.GetUtcNow(), messages.Add);
        }

        grouper.Flush(time.GetUtcNow(), messages.Add, all: true);
        return messages;
    }
}
