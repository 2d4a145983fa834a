using Microsoft.Extensions.Time.Testing;
using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class AlertOutboxTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [TestMethod]
    public void TakeNext_BurstOverTheBacklog_FirstAlertGoesBeforeTheSummary()
    {
        var time = new FakeTimeProvider();
        using var metrics = new MetricsScope();
        var outbox = new AlertOutbox(metrics.Metrics, new AlertLedger(), Second, SlackWebhookClient.Backlog);
        for (var i = 0; i < 25; i++)
        {
            outbox.Add(Alert(i), time.GetUtcNow());
        }

        var first = outbox.TakeNext(time.GetUtcNow());

        Assert.IsNotNull(first);
        Assert.AreEqual(AlertMessageKind.Alert, first.Kind);
        Assert.AreEqual("Order 0 failed", first.Sample!.Message);
    }

    [TestMethod]
    public void Complete_RateLimitedMoreThanMaxAttempts_KeepsTheMessage()
    {
        var time = new FakeTimeProvider();
        using var metrics = new MetricsScope();
        var outbox = new AlertOutbox(metrics.Metrics, new AlertLedger(), Second, SlackWebhookClient.Backlog);
        outbox.Add(Alert(0), time.GetUtcNow());

        for (var i = 0; i < AlertOutbox.MaxAttempts + 2; i++)
        {
            var message = outbox.TakeNext(time.GetUtcNow());
            Assert.IsNotNull(message, $"attempt {i}");
            outbox.Complete(message, new DeliveryResult(DeliveryOutcome.RateLimited, TimeSpan.FromSeconds(2), "HTTP 429"), time.GetUtcNow());
            time.Advance(TimeSpan.FromSeconds(2));
        }

        var again = outbox.TakeNext(time.GetUtcNow());
        Assert.IsNotNull(again);
        Assert.AreEqual("Order 0 failed", again.Sample!.Message);
    }

    internal static AlertMessage Alert(int i) =>
        new(AlertMessageKind.Alert, LocalAlertFileTests.Sample($"Order {i} failed", "Error"), 1, TimeSpan.FromSeconds(60));
}
