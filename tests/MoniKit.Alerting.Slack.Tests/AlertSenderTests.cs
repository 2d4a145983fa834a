using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MoniKit.Alerting.Slack.Implementation;

namespace MoniKit.Alerting.Slack.Tests;

[TestClass]
public sealed class AlertSenderTests
{
    private static readonly AlertIdentity Identity = new("orders-api", "1.4.0", "Production", "web-01");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
    private readonly MetricsScope _metrics = new();
    private readonly StringWriter _stderr = new();
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("monikit-sender-").FullName, "alerts.json");

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public void Cleanup()
    {
        _metrics.Dispose();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    [TestMethod]
    public async Task FlushAtShutdownAsync_50DistinctAlertsAndASlowSlack_DeliversWhatFitsAndKeepsTheRestInTheFile()
    {
        var slack = new ScriptedDestination(_time) { AnswerDelay = TimeSpan.FromSeconds(1.5) };
        var (sender, queue) = Sender(slack);
        Enqueue(queue, 50);

        await RunOnFakeClock(sender.FlushAtShutdownAsync());

        Assert.HasCount(1, slack.Received, "the first goes at once; the next would be due after the 2 s budget");
        var lines = File.ReadAllLines(_path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var kept = lines.Where(l => l.GetProperty("monikit.alert.kind").GetString() == "alert").ToList();
        Assert.HasCount(49, kept);
        Assert.IsTrue(kept.All(l => l.GetProperty("monikit.alert.reason").GetString() == "shutdown"));
        CollectionAssert.AreEquivalent(Enumerable.Range(1, 49).Select(i => $"[orders-api] Error: Order {i} failed").ToArray(), kept.Select(l => l.GetProperty("message").GetString()).ToArray());
        Assert.AreEqual(49, lines.Single(l => l.GetProperty("monikit.alert.kind").GetString() == "undelivered").GetProperty("monikit.alert.count").GetInt32());
        Assert.AreEqual(
            $"MoniKit alerts: 50 events: 1 delivered to Slack (1 message), 49 written to {_path} (shutdown: 49), 0 dropped",
            StderrLines()[^1]);
    }

    [TestMethod]
    public async Task FlushAtShutdownAsync_DeliveryInFlightOutlastsTheBudget_IsKeptInTheFileToo()
    {
        var slack = new ScriptedDestination(_time) { AnswerDelay = TimeSpan.FromSeconds(30) };
        var (sender, queue) = Sender(slack);
        Enqueue(queue, 3);

        await RunOnFakeClock(sender.FlushAtShutdownAsync());

        Assert.HasCount(1, slack.Received);
        Assert.AreEqual(
            $"MoniKit alerts: 3 events: 0 delivered to Slack (0 messages), 3 written to {_path} (shutdown: 3), 0 dropped",
            StderrLines()[^1]);
    }

    [TestMethod]
    public async Task StopAsync_NoWebhookAndABurstOf50DistinctAlerts_WritesEveryOneToTheFile()
    {
        var local = new LocalAlertFile(_path, Identity, new AlertConsole(_stderr), new MoniKitSlackOptions().QueueCapacity);
        var (sender, queue) = Sender(local, local);
        Enqueue(queue, 50);

        // The fake clock stands still: the local file needs no timer, so nothing here may wait on one.
        await sender.StartAsync(TestContext.CancellationToken);
        await sender.StopAsync(TestContext.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);

        Assert.HasCount(50, File.ReadAllLines(_path), _stderr.ToString());
        var stderr = StderrLines();
        Assert.AreEqual(50, stderr.Count(l => l.StartsWith("ALERT [orders-api] Error: Order ", StringComparison.Ordinal)));
        Assert.AreEqual($"MoniKit alerts: 50 events: 50 delivered to {_path} (50 messages), 0 dropped", stderr[^1]);
    }

    [TestMethod]
    public async Task FlushAtShutdownAsync_NoAlertEver_WritesNoExitLine()
    {
        var (sender, _) = Sender(new ScriptedDestination(_time));

        await RunOnFakeClock(sender.FlushAtShutdownAsync());

        Assert.AreEqual(string.Empty, _stderr.ToString());
    }

    private (AlertSender Sender, AlertQueue Queue) Sender(IAlertDestination destination, LocalAlertFile? local = null)
    {
        var options = new MoniKitSlackOptions();
        var queue = new AlertQueue(options, _metrics.Metrics);
        local ??= new LocalAlertFile(_path, Identity, new AlertConsole(_stderr), options.QueueCapacity);
        var sender = new AlertSender(queue, destination, local, options, _metrics.Metrics, new AlertConsole(_stderr), _time, NullLogger<AlertSender>.Instance);
        return (sender, queue);
    }

    private static void Enqueue(AlertQueue queue, int count)
    {
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(LocalAlertFileTests.Sample($"Order {i} failed", "Error") with { GroupKey = $"g{i}", ErrorGroup = $"g{i}" });
        }
    }

    // Moves the fake clock in small steps through a minute, which fires every timer the work sets; then lets the work
    // finish what is left of it (file writes), with a deadline in case it hangs.
    private async Task RunOnFakeClock(Task work)
    {
        for (var step = 0; step < 600 && !work.IsCompleted; step++)
        {
            await Task.Yield();
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await work.WaitAsync(TimeSpan.FromSeconds(30), TestContext.CancellationToken);
    }

    private string[] StderrLines() => _stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
