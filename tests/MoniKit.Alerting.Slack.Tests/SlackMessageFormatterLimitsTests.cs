using System.Text.Json;
using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class SlackMessageFormatterLimitsTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private static readonly AlertIdentity Identity = new("orders-api", "1.4.0", "Production", "web-01");

    [TestMethod]
    [DataRow("<&>")]
    [DataRow("&")]
    [DataRow("a<")]
    [DataRow("😀")]
    [DataRow("x😀&")]
    [DataRow("\u001b[2J\r\n")]
    public void Format_EveryFieldAtItsMaximum_StaysWithinSlackLimits(string unit)
    {
        var alert = Maximal(unit);
        var formatter = new SlackMessageFormatter(new MoniKitSlackOptions { LogsUrlTemplate = "https://grafana.example.com/explore?q={traceId}" }, Identity);

        foreach (var kind in new[] { AlertMessageKind.Alert, AlertMessageKind.FollowUp })
        {
            var json = SlackWebhookClient.Serialize(formatter.Format(new AlertMessage(kind, alert, 1, TimeSpan.FromSeconds(60))));

            SlackPayloadLimits.AssertWithin(json);
        }
    }

    [TestMethod]
    public void Format_MessageOverTheLimit_IsCutVisiblyNamingTheTrace()
    {
        var alert = Maximal("<&>");
        var formatter = new SlackMessageFormatter(new MoniKitSlackOptions(), Identity);

        var payload = formatter.Format(new AlertMessage(AlertMessageKind.Alert, alert, 1, TimeSpan.FromSeconds(60)));

        var section = payload.Attachments![0].Blocks[0].Text!.Text;
        Assert.EndsWith($"… truncated, full text in the logs, trace `{TraceId}`", section);
        var error = payload.Attachments[0].Blocks.Single(b => b.Text?.Text.StartsWith("```", StringComparison.Ordinal) == true).Text!.Text;
        Assert.EndsWith($"… truncated, full text in the logs, trace `{TraceId}````", error);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    public void Format_EmptyMessage_SaysWhatHappened(string message)
    {
        var formatter = new SlackMessageFormatter(new MoniKitSlackOptions(), Identity);
        var withException = Maximal("x") with { Message = message, MessageTemplate = message, ErrorMessage = "payment declined" };
        var without = withException with { ErrorType = null, ErrorMessage = null, StackTrace = null };

        var first = formatter.Format(new AlertMessage(AlertMessageKind.Alert, withException, 1, TimeSpan.FromSeconds(60)));
        var second = formatter.Format(new AlertMessage(AlertMessageKind.Alert, without, 1, TimeSpan.FromSeconds(60)));

        Assert.StartsWith("System.InvalidOperationException: payment declined", first.Attachments![0].Blocks[0].Text!.Text);
        Assert.StartsWith("An Error event with no message", second.Attachments![0].Blocks[0].Text!.Text);
        SlackPayloadLimits.AssertWithin(SlackWebhookClient.Serialize(first));
        SlackPayloadLimits.AssertWithin(SlackWebhookClient.Serialize(second));
    }

    [TestMethod]
    public void Capture_5000CharacterMessageThrown10FramesDeep_FormatsWithinSlackLimits()
    {
        using var capture = new AlertCapture();
        var text = string.Concat(Enumerable.Repeat("<a href=\"x\">&amp;</a> & ", 220))[..5000];
        capture.Logger("Orders.Checkout").LogError(Deep(10, text), "Checkout failed for {Cart}", "<cart & co>");
        var alert = capture.Take().Single();
        var formatter = new SlackMessageFormatter(new MoniKitSlackOptions(), Identity);

        var json = SlackWebhookClient.Serialize(formatter.Format(new AlertMessage(AlertMessageKind.Alert, alert, 1, TimeSpan.FromSeconds(60))));

        SlackPayloadLimits.AssertWithin(json);
        StringAssert.Contains(JsonDocument.Parse(json).RootElement.GetProperty("text").GetString(), "Checkout failed for &lt;cart &amp; co&gt;");
    }

    internal static Exception Deep(int frames, string message)
    {
        try
        {
            Recurse(frames, message);
            return null!;
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    private static void Recurse(int depth, string message)
    {
        if (depth <= 1)
        {
            throw new InvalidOperationException(message);
        }

        Recurse(depth - 1, message);
    }

    private static AlertEvent Maximal(string unit)
    {
        string Fill(int length) => string.Concat(Enumerable.Repeat(unit, (length / unit.Length) + 1))[..length];
        return new AlertEvent(
            Timestamp: new DateTimeOffset(2026, 11, 22, 9, 30, 15, 250, TimeSpan.Zero),
            Level: "Error",
            Logger: Fill(1000),
            Message: Fill(SlackAlertTarget.MaxMessageLength),
            MessageTemplate: Fill(SlackAlertTarget.MaxTemplateLength),
            ErrorType: "System.InvalidOperationException",
            ErrorMessage: Fill(SlackAlertTarget.MaxMessageLength),
            StackTrace: string.Join('\n', Enumerable.Range(0, SlackAlertTarget.StackLines).Select(_ => Fill(SlackAlertTarget.MaxStackLineLength))),
            TraceId: TraceId);
    }
}
