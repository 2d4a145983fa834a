using System.Text.Json;
using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class LocalAlertFileTests
{
    private static readonly AlertIdentity Identity = new("orders-api", "1.4.0", "Production", "web-01");

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task DeliverAsync_MessageWithLineBreakAndTerminalEscape_WritesOneEscapedAlertLine()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("monikit-alerts-").FullName, "alerts.json");
        using var console = new StringWriter();
        var file = new LocalAlertFile(path, Identity, new AlertConsole(console), 1000);
        var forged = "HTTP GET /x\r\nALERT [orders-api] Fatal: FORGED\u001b[2J responded 404";

        var result = await file.DeliverAsync(new AlertMessage(AlertMessageKind.Alert, Sample(forged), 1, TimeSpan.FromSeconds(60)), TestContext.CancellationToken);

        Assert.AreEqual(DeliveryOutcome.Delivered, result.Outcome);
        var lines = console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, console.ToString());
        Assert.AreEqual(@"ALERT [orders-api] Warn: HTTP GET /x\r\nALERT [orders-api] Fatal: FORGED\u001b[2J responded 404", lines[0]);
        var json = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        StringAssert.Contains(json.GetProperty("message").GetString(), forged, "the file keeps the exact text, JSON-escaped");
    }

    internal static AlertEvent Sample(string message, string level = "Warn") => new(
        Timestamp: new DateTimeOffset(2026, 11, 22, 9, 30, 15, 250, TimeSpan.Zero),
        Level: level,
        Logger: "MoniKit.AspNetCore.Implementation.RequestLoggingMiddleware",
        Message: message,
        MessageTemplate: message,
        ErrorType: null,
        ErrorMessage: null,
        StackTrace: null,
        TraceId: "0af7651916cd43dd8448eb211c80319c");
}
