using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using MoniKit.Logging;
using NLog.Targets;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class SlackAlertsDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [TestMethod]
    public async Task UnhandledException_ReachesTheSinkWithin2Seconds()
    {
        await using var sink = new SlackSink();
        await using var service = await TestService.StartAsync(Webhook(sink));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/boom");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await service.Client.SendAsync(request);
        var requests = await sink.WaitForAsync(r => r.Count > 0, TimeSpan.FromSeconds(2));

        Assert.AreEqual(500, (int)response.StatusCode);
        Assert.HasCount(1, requests, "no alert reached the sink within 2 s of the exception");
        Assert.AreEqual(SlackSink.SecretPath, requests[0].Path);
        var body = requests[0].Body;
        StringAssert.Contains(body, "*Service*\\norders-api");
        StringAssert.Contains(body, "System.InvalidOperationException: boom");
        StringAssert.Contains(body, "*Trace id*\\n" + traceId);
        StringAssert.Contains(requests[0].Text, "*Error* in *orders-api* (Production)");
    }

    [TestMethod]
    public async Task WebhookUrlFile_WithSurroundingWhiteSpace_IsUsed()
    {
        await using var sink = new SlackSink();
        var file = Path.Combine(Directory.CreateTempSubdirectory("monikit-secret-").FullName, "slack_webhook");
        await File.WriteAllTextAsync(file, "  " + sink.WebhookUrl + " \n");
        await using var service = await TestService.StartAsync(new Dictionary<string, string?> { ["MoniKit:Slack:WebhookUrlFile"] = file });

        await service.Client.GetStringAsync("/fail/1");
        var requests = await sink.WaitForAsync(r => r.Count > 0, Patience);

        Assert.HasCount(1, requests);
        StringAssert.Contains(requests[0].Text, "Order 1 failed");
    }

    [TestMethod]
    public async Task HugeExceptionMessage_ReachesTheSinkWithEveryBlockWithinSlackLimits()
    {
        await using var sink = new SlackSink();
        sink.Behavior = SlackSinkBehavior.Ok;
        await using var service = await TestService.StartAsync(Webhook(sink));

        var traceId = await service.Client.GetStringAsync("/deep");
        var requests = await sink.WaitForAsync(r => r.Count > 0, Patience);

        Assert.HasCount(1, requests);
        Assert.AreEqual(SlackSinkBehavior.Ok, requests[0].Answer);
        SlackPayloadLimits.AssertWithin(requests[0].Body);
        StringAssert.Contains(requests[0].Body, $"… truncated, full text in the logs, trace `{traceId}`");
        StringAssert.Contains(requests[0].Text, "Checkout of cart &lt;cart &amp; co&gt; failed");
    }

    [TestMethod]
    public async Task SlackAnswers400_LoggedOnceWithSlacksReasonCountedAndKeptInTheAlertsFile()
    {
        await using var sink = new SlackSink();
        sink.Behavior = SlackSinkBehavior.BadRequest;
        var memory = new MemoryTarget("warnings") { Layout = "${level}|${logger}|${message}" };
        await using var service = await TestService.StartAsync(Webhook(sink), services => services.AddSingleton(new MoniKitLogTarget(memory, NLog.LogLevel.Warn)));
        using var metrics = new AlertMetricsRecorder(service.App.Services.GetRequiredService<IMeterFactory>());

        await service.Client.GetStringAsync("/fail/1");
        await service.Client.GetStringAsync("/fail/2");
        await sink.WaitForAsync(r => r.Count >= 2, Patience);
        await service.StopAsync();

        var refusals = memory.Logs.Where(l => l.Contains("Slack refused an alert", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, refusals, string.Join('\n', memory.Logs));
        StringAssert.Contains(refusals[0], "(HTTP 400 invalid_blocks)");
        Assert.IsGreaterThanOrEqualTo(2, metrics.Total("monikit.alerts.dropped{reason=rejected}"));
        var kept = File.ReadAllLines(Path.Combine(service.LogDirectory, "alerts.json"));
        Assert.IsTrue(kept.Any(l => l.Contains("Order 1 failed", StringComparison.Ordinal) && l.Contains("\"monikit.alert.reason\":\"rejected\"", StringComparison.Ordinal)), string.Join('\n', kept));
    }

    [TestMethod]
    public async Task NoWebhook_AlertGoesToTheLocalAlertsFile()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>());

        var traceId = await service.Client.GetStringAsync("/fail/7");
        var path = Path.Combine(service.LogDirectory, "alerts.json");
        var deadline = DateTime.UtcNow + Patience;
        while (!File.Exists(path) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await Task.Delay(100);
        var lines = TestService.ReadShared(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines);
        var alert = JsonDocument.Parse(lines[0]).RootElement;
        Assert.AreEqual("error", alert.GetProperty("log.level").GetString());
        Assert.AreEqual("orders-api", alert.GetProperty("service.name").GetString());
        Assert.AreEqual("Order 7 failed", alert.GetProperty("message").GetString()!["[orders-api] Error: ".Length..^" (System.InvalidOperationException)".Length]);
        Assert.AreEqual("System.InvalidOperationException", alert.GetProperty("error.type").GetString());
        Assert.AreEqual(traceId, alert.GetProperty("trace.id").GetString());
        Assert.AreEqual(1, alert.GetProperty("monikit.alert.count").GetInt32());
        Assert.AreEqual("alert", alert.GetProperty("monikit.kind").GetString());
        MoniKit.Testing.LogAssert.Conforms(lines);
    }

    [TestMethod]
    public async Task WebhookUrl_WhileSlackFailsAndHangs_AppearsInNoLogLine()
    {
        await using var sink = new SlackSink();
        sink.Script(SlackSinkBehavior.ServerError, SlackSinkBehavior.TooManyRequests);
        sink.Behavior = SlackSinkBehavior.Hang;
        var memory = new MemoryTarget("everything") { Layout = "${level}|${logger}|${message}|${exception:format=tostring}" };
        var settings = Webhook(sink);
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["MoniKit:Slack:HttpTimeout"] = "00:00:01";
        settings["MoniKit:Slack:MinLevel"] = "Trace";
        await using var service = await TestService.StartAsync(settings, services => services.AddSingleton(new MoniKitLogTarget(memory, NLog.LogLevel.Trace)));

        await service.Client.GetStringAsync("/fail/1");
        await sink.WaitForAsync(r => r.Count >= 3, Patience);
        await Task.Delay(1500);
        await service.StopAsync();

        var everything = string.Join('\n', memory.Logs) + service.ReadLogs();
        Assert.IsGreaterThanOrEqualTo(3, sink.Requests.Count);
        StringAssert.Contains(everything, "Alerts cannot be delivered (HTTP 500 internal_error)");
        Assert.DoesNotContain("s3cr3tWebhookToken", everything);
        Assert.DoesNotContain("B0TEST", everything);
    }

    internal static Dictionary<string, string?> Webhook(SlackSink sink) => new()
    {
        ["MoniKit:Slack:WebhookUrl"] = sink.WebhookUrl.ToString(),
    };
}
