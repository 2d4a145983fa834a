using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class SlackMessageFormatterTests
{
    private static readonly AlertIdentity Identity = new("orders-api", "1.4.0", "Production", "web-01");

    private static readonly AlertEvent Event = new(
        Timestamp: new DateTimeOffset(2026, 11, 22, 9, 30, 15, 250, TimeSpan.Zero),
        Level: "Error",
        Logger: "Orders.Checkout",
        Message: "Order 42 failed: <card> & co",
        MessageTemplate: "Order {OrderId} failed: <card> & co",
        ErrorType: "System.InvalidOperationException",
        ErrorMessage: "payment declined",
        StackTrace: "   at Orders.Checkout.Pay() in /src/Checkout.cs:line 10\n   at Orders.Checkout.Run() in /src/Checkout.cs:line 20",
        TraceId: "0af7651916cd43dd8448eb211c80319c",
        GroupKey: "77e1d0c4a9b3f215",
        ErrorGroup: "3f2a9c1d5e7b8a60");

    [TestMethod]
    public void Format_Alert_ProducesWholePayload()
    {
        var options = new MoniKitSlackOptions
        {
            Channel = "#orders-alerts",
            Username = "MoniKit",
            IconEmoji = ":rotating_light:",
            LogsUrlTemplate = "https://grafana.example.com/explore?q={traceId}|x",
        };
        var formatter = new SlackMessageFormatter(options, Identity);

        var json = SlackWebhookClient.Serialize(formatter.Format(new AlertMessage(AlertMessageKind.Alert, Event, 1, TimeSpan.FromSeconds(60))));

        const string Expected = """
            {"text":"*Error* in *orders-api* (Production): Order 42 failed: &lt;card&gt; &amp; co (System.InvalidOperationException)","channel":"#orders-alerts","username":"MoniKit","icon_emoji":":rotating_light:","attachments":[{"color":"#E01E5A","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"Order 42 failed: &lt;card&gt; &amp; co"}},{"type":"section","fields":[{"type":"mrkdwn","text":"*Service*\norders-api"},{"type":"mrkdwn","text":"*Environment*\nProduction"},{"type":"mrkdwn","text":"*Host*\nweb-01"},{"type":"mrkdwn","text":"*Level*\nError"},{"type":"mrkdwn","text":"*Logger*\nOrders.Checkout"},{"type":"mrkdwn","text":"*Trace id*\n0af7651916cd43dd8448eb211c80319c"},{"type":"mrkdwn","text":"*Error group*\n`3f2a9c1d5e7b8a60` new since start"}]},{"type":"section","text":{"type":"mrkdwn","text":"```System.InvalidOperationException: payment declined\n   at Orders.Checkout.Pay() in /src/Checkout.cs:line 10\n   at Orders.Checkout.Run() in /src/Checkout.cs:line 20```"}},{"type":"context","elements":[{"type":"mrkdwn","text":"at 2026-11-22 09:30:15.250 UTC · <https://grafana.example.com/explore?q=0af7651916cd43dd8448eb211c80319c%7Cx|View logs>"}]}]}]}
            """;
        Assert.AreEqual(Expected, json);
    }

    [TestMethod]
    public void Format_FollowUp_SaysHowManyMoreInTheWindow()
    {
        var formatter = new SlackMessageFormatter(new MoniKitSlackOptions(), Identity);

        var payload = formatter.Format(new AlertMessage(AlertMessageKind.FollowUp, Event, 4999, TimeSpan.FromSeconds(60)));

        Assert.AreEqual(
            "*+4999 more in the last 60 s* in *orders-api* (Production): Order {OrderId} failed: &lt;card&gt; &amp; co (System.InvalidOperationException)",
            payload.Text);
        Assert.IsNull(payload.Channel);
        Assert.AreEqual("#E01E5A", payload.Attachments![0].Color);
    }

    [TestMethod]
    public void Format_RecurringGroup_SaysSoWithTheCountSinceStart()
    {
        var formatter = new SlackMessageFormatter(new MoniKitSlackOptions(), Identity);

        var alert = formatter.Format(new AlertMessage(AlertMessageKind.Alert, Event, 1, TimeSpan.FromSeconds(60)) { Recurring = true, SeenSinceStart = 7 });
        var followUp = formatter.Format(new AlertMessage(AlertMessageKind.FollowUp, Event, 12, TimeSpan.FromSeconds(60)) { Recurring = true, SeenSinceStart = 19 });

        Assert.AreEqual("*Error group*\n`3f2a9c1d5e7b8a60` recurring, seen 7 times since start", alert.Attachments![0].Blocks[1].Fields![6].Text);
        Assert.AreEqual("*Error group*\n`3f2a9c1d5e7b8a60` seen 12 more times in the last 60 s, 19 since start", followUp.Attachments![0].Blocks[1].Fields![6].Text);
    }

    [TestMethod]
    public void Format_Undelivered_CountsEveryReason()
    {
        var formatter = new SlackMessageFormatter(new MoniKitSlackOptions(), Identity);
        var counts = new Dictionary<string, long> { ["send_failed"] = 3, ["queue_full"] = 10 };

        var payload = formatter.Format(new AlertMessage(
            AlertMessageKind.Undelivered, null, 13, TimeSpan.Zero, counts, new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero)));

        Assert.AreEqual("*13 alert events not delivered* from *orders-api* (Production)", payload.Text);
        Assert.AreEqual(
            "Alerts could not be delivered since 2026-11-22 09:00:00.000 UTC (queue_full: 10, send_failed: 3). Every event is still in the service's log files, and each alert not sent is in alerts.json.",
            payload.Attachments![0].Blocks[0].Text!.Text);
    }
}
