using Microsoft.Extensions.Time.Testing;
using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class AlertOutboxTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly DeliveryResult ServerError = new(DeliveryOutcome.Transient, null, "HTTP 500");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly MetricsScope _metrics = new();
    private readonly AlertLedger _ledger = new();
    private readonly List<(AlertMessage Message, string Reason)> _kept = [];

    [TestCleanup]
    public void Cleanup() => _metrics.Dispose();

    [TestMethod]
    public void TakeNext_BurstOverTheBacklog_FirstAlertGoesBeforeTheSummary()
    {
        var outbox = Outbox();
        for (var i = 0; i < 25; i++)
        {
            outbox.Add(Alert(i), Now);
        }

        var first = outbox.TakeNext(Now)!;
        outbox.Complete(first, DeliveryResult.Delivered, Now);
        _time.Advance(Second);
        var second = outbox.TakeNext(Now)!;

        Assert.AreEqual("Order 0 failed", first.Sample!.Message);
        Assert.AreEqual(AlertMessageKind.Undelivered, second.Kind);
        Assert.AreEqual(5, second.EventCount);
        Assert.AreEqual(5, _metrics.Recorder.Total("monikit.alerts.dropped{reason=backlog}"));
        CollectionAssert.AreEqual(new[] { "Order 20 failed", "Order 21 failed", "Order 22 failed", "Order 23 failed", "Order 24 failed" }, _kept.Select(k => k.Message.Sample!.Message).ToArray());
        Assert.IsTrue(_kept.All(k => k.Reason == DropReasons.Backlog));
    }

    [TestMethod]
    public void TakeNext_Paced_WaitsTheMinimumIntervalBetweenMessages()
    {
        var outbox = Outbox();
        outbox.Add(Alert(0), Now);
        outbox.Add(Alert(1), Now);

        outbox.Complete(outbox.TakeNext(Now)!, DeliveryResult.Delivered, Now);
        _time.Advance(TimeSpan.FromMilliseconds(999));
        var early = outbox.TakeNext(Now);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var onTime = outbox.TakeNext(Now);

        Assert.IsNull(early);
        Assert.AreEqual("Order 1 failed", onTime!.Sample!.Message);
    }

    [TestMethod]
    public void Complete_RateLimited_WaitsRetryAfterAndCostsNoAttempt()
    {
        var outbox = Outbox();
        outbox.Add(Alert(0), Now);

        for (var i = 0; i < AlertOutbox.MaxAttempts + 2; i++)
        {
            var message = outbox.TakeNext(Now);
            Assert.IsNotNull(message, $"attempt {i}");
            var wait = outbox.Complete(message, RateLimited(2), Now);
            Assert.AreEqual(TimeSpan.FromSeconds(2), wait);
            _time.Advance(TimeSpan.FromMilliseconds(1999));
            Assert.IsNull(outbox.TakeNext(Now), "tried again before Retry-After");
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.AreEqual("Order 0 failed", outbox.TakeNext(Now)!.Sample!.Message);
        Assert.AreEqual(0, _ledger.Dropped);
    }

    [TestMethod]
    public void Complete_RateLimitedPastTheTimeBudget_KeepsTheAlertLocallyAsRateLimited()
    {
        var outbox = Outbox();
        outbox.Add(Alert(0), Now);

        var rounds = 0;
        while (outbox.TakeNext(Now) is { } message && rounds++ < 100)
        {
            outbox.Complete(message, RateLimited(60), Now);
            _time.Advance(TimeSpan.FromSeconds(60));
        }

        Assert.AreEqual(11, rounds, "a 60 s Retry-After is waited out 10 times within the 10-minute budget, then given up");
        Assert.AreEqual(1, _metrics.Recorder.Total("monikit.alerts.dropped{reason=rate_limited}"));
        Assert.AreEqual(DropReasons.RateLimited, _kept.Single().Reason);
        Assert.AreEqual(1, _ledger.WrittenLocally);
    }

    [TestMethod]
    public void Complete_ServerErrors_BackOffDoublingThenGiveUpAfterMaxAttempts()
    {
        var outbox = Outbox();
        outbox.Add(Alert(0), Now);
        var waits = new List<TimeSpan>();

        while (outbox.TakeNext(Now) is { Kind: AlertMessageKind.Alert } message)
        {
            var wait = outbox.Complete(message, ServerError, Now);
            waits.Add(wait);
            _time.Advance(wait);
        }

        CollectionAssert.AreEqual(new[] { 1.0, 2, 4, 8, 16 }, waits.Select(w => w.TotalSeconds).ToArray());
        Assert.AreEqual(DropReasons.SendFailed, _kept.Single().Reason);
        Assert.AreEqual(1, _metrics.Recorder.Total("monikit.alerts.dropped{reason=send_failed}"));
    }

    [TestMethod]
    public void Complete_RecoveryAfterAnOutage_SendsTheWaitingAlertThenOneSummary()
    {
        var outbox = Outbox();
        outbox.Add(Alert(0), Now);
        outbox.Complete(outbox.TakeNext(Now)!, ServerError, Now);
        for (var i = 1; i <= 25; i++)
        {
            outbox.Add(Alert(i), Now);
        }

        var sent = new List<AlertMessage>();
        for (var i = 0; i < 200 && outbox.HasWork; i++)
        {
            _time.Advance(Second);
            if (outbox.TakeNext(Now) is { } message)
            {
                sent.Add(message);
                outbox.Complete(message, DeliveryResult.Delivered, Now);
            }
        }

        Assert.AreEqual("Order 0 failed", sent[0].Sample!.Message);
        Assert.AreEqual(AlertMessageKind.Undelivered, sent[1].Kind);
        Assert.AreEqual(6, sent[1].Undelivered![DropReasons.Backlog]);
        Assert.AreEqual(1, sent.Count(m => m.Kind == AlertMessageKind.Undelivered));
        Assert.AreEqual(20, sent.Count(m => m.Kind == AlertMessageKind.Alert));
        Assert.AreEqual(20, _ledger.Delivered);
    }

    [TestMethod]
    public void Complete_Rejected_GivesUpAtOnceAsRejected()
    {
        var outbox = Outbox();
        outbox.Add(Alert(0), Now);

        outbox.Complete(outbox.TakeNext(Now)!, new DeliveryResult(DeliveryOutcome.Rejected, null, "HTTP 400 invalid_blocks"), Now);

        Assert.AreEqual(DropReasons.Rejected, _kept.Single().Reason);
        Assert.AreEqual(1, _metrics.Recorder.Total("monikit.alerts.dropped{reason=rejected}"));
        Assert.AreEqual(0, outbox.PendingCount);
    }

    [TestMethod]
    public void Add_LocalFileBacklog_TakesABurstOf50WithoutShedding()
    {
        var outbox = new AlertOutbox(_metrics.Metrics, _ledger, TimeSpan.Zero, new MoniKitSlackOptions().QueueCapacity);

        for (var i = 0; i < 50; i++)
        {
            outbox.Add(Alert(i), Now);
        }

        Assert.AreEqual(50, outbox.PendingCount);
        Assert.AreEqual(0, _ledger.Dropped);
    }

    [TestMethod]
    public void Drain_AtShutdown_KeepsEveryWaitingMessageAndTheSummaryLocally()
    {
        var outbox = Outbox();
        for (var i = 0; i < 22; i++)
        {
            outbox.Add(Alert(i), Now);
        }

        outbox.Drain(Now);

        Assert.AreEqual(0, outbox.PendingCount);
        Assert.AreEqual(20, _kept.Count(k => k.Reason == DropReasons.Shutdown && k.Message.Kind == AlertMessageKind.Alert));
        Assert.AreEqual(2, _kept.Count(k => k.Reason == DropReasons.Backlog));
        Assert.AreEqual(22, _kept.Single(k => k.Message.Kind == AlertMessageKind.Undelivered).Message.EventCount);
        Assert.AreEqual(22, _ledger.WrittenLocally);
        Assert.AreEqual(
            "MoniKit alerts: 22 events: 0 delivered to Slack (0 messages), 22 written to logs/alerts.json (backlog: 2, shutdown: 20), 0 dropped",
            _ledger.Describe(22, "Slack", "logs/alerts.json"));
    }

    internal static AlertMessage Alert(int i) =>
        new(AlertMessageKind.Alert, LocalAlertFileTests.Sample($"Order {i} failed", "Error"), 1, TimeSpan.FromSeconds(60));

    private static DeliveryResult RateLimited(int seconds) => new(DeliveryOutcome.RateLimited, TimeSpan.FromSeconds(seconds), "HTTP 429");

    private DateTimeOffset Now => _time.GetUtcNow();

    private AlertOutbox Outbox() => new(_metrics.Metrics, _ledger, Second, SlackWebhookClient.Backlog, (message, reason) =>
    {
        _kept.Add((message, reason));
        return true;
    });
}
