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
