using System.Text;
using MoniKit.Logging.Implementation;
using NLog;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class TextLineLayoutTests
{
    private static readonly DateTime At = new(2025, 3, 1, 10, 15, 30, 123, DateTimeKind.Utc);

    [TestMethod]
    public void Render_PlainEvent_TimeLevelLoggerAndMessageOnOneLine()
    {
        Assert.AreEqual("10:15:30.123 WARN  Orders.Api: Order 42 late\n", Render(new LogEventInfo(LogLevel.Warn, "Orders.Api", "Order 42 late")));
    }

    [TestMethod]
    public void Render_ForgedLineAndTerminalEscapes_EscapedInMessageAndLogger()
    {
        var text = Render(new LogEventInfo(LogLevel.Info, "Log\u001b]0;x\u0007ger", "user\r\n10:15:30.124 FATAL Payments: FORGED\u001b[2J\u0085\u2028"));
        Assert.AreEqual("10:15:30.123 INFO  Log\\u001b]0;x\\u0007ger: user\\r\\n10:15:30.124 FATAL Payments: FORGED\\u001b[2J\\u0085\\u2028\n", text);
    }

    [TestMethod]
    public void Render_ExceptionWithForgedLines_IndentedUnderItsEventWithTheMessageEscaped()
    {
        var exception = new InvalidOperationException("outer\nFORGED", new ArgumentException("inner\u001b[31m"));
        var lines = Render(new LogEventInfo(LogLevel.Error, "Api", "failed") { Exception = exception }).Split('\n')[..^1];

        Assert.AreEqual("10:15:30.123 ERROR Api: failed", lines[0]);
        Assert.IsTrue(lines[1..].All(l => l.StartsWith("    ", StringComparison.Ordinal)), string.Join('\n', lines));
        StringAssert.StartsWith(lines[1], "    System.InvalidOperationException: outer\\nFORGED");
        Assert.IsTrue(lines.Any(l => l.Contains("System.ArgumentException: inner\\u001b[31m", StringComparison.Ordinal)), string.Join('\n', lines));
        Assert.IsFalse(lines.Any(l => l.Contains('\u001b', StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Render_Colours_LevelColourAroundTheLineAndResetBeforeTheLineFeed()
    {
        var builder = new StringBuilder();
        new TextLineLayout(colours: true).Render(new LogEventInfo(LogLevel.Error, "Api", "failed") { TimeStamp = At }, builder);
        Assert.AreEqual("\u001b[33m10:15:30.123 ERROR Api: failed\u001b[0m\n", builder.ToString());
    }

    private static string Render(LogEventInfo logEvent)
    {
        logEvent.TimeStamp = At;
        var builder = new StringBuilder();
        new TextLineLayout(colours: false).Render(logEvent, builder);
        return builder.ToString();
    }
}
