using Microsoft.Extensions.Time.Testing;
using MoniKit.Logging.Implementation;
using NLog;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class EventQueueTests
{
    private static readonly TimeSpan Patience = WriterFixture.Patience;

    [TestMethod]
    public void Enqueue_BeyondTheLimitWithDiscard_DropsTheOldestAndKeepsTheNewest()
    {
        using var queue = new EventQueue(3, MoniKitLogOverflowAction.Discard, new FakeTimeProvider());
        var dropped = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            if (queue.Enqueue(Event(i), out var oldest))
            {
                dropped.Add(oldest.Event.Message);
            }
        }

        CollectionAssert.AreEqual(new[] { "0", "1" }, dropped);
        CollectionAssert.AreEqual(new[] { "2", "3", "4" }, Drain(queue));
    }

    [TestMethod]
    public void Enqueue_BeyondTheLimitWithGrow_KeepsEveryEvent()
    {
        using var queue = new EventQueue(3, MoniKitLogOverflowAction.Grow, new FakeTimeProvider());
        for (var i = 0; i < 5; i++)
        {
            Assert.IsFalse(queue.Enqueue(Event(i), out _));
        }

        Assert.HasCount(5, Drain(queue));
    }

    [TestMethod]
    public void Enqueue_FullWithBlock_WaitsUntilTheWriterTakesAnEventThenKeepsAll()
    {
        using var queue = new EventQueue(2, MoniKitLogOverflowAction.Block, new FakeTimeProvider());
        queue.Enqueue(Event(0), out _);
        queue.Enqueue(Event(1), out _);
        var caller = Task.Run(() => queue.Enqueue(Event(2), out _));
        Assert.IsFalse(caller.Wait(TimeSpan.FromMilliseconds(200)), "the caller waits for room");

        Assert.IsTrue(queue.TryDequeue(out var first));
        Assert.IsTrue(caller.Wait(Patience));
        Assert.IsFalse(caller.Result, "nothing is dropped");
        CollectionAssert.AreEqual(new[] { "0", "1", "2" }, new[] { first.Event.Message }.Concat(Drain(queue)).ToArray());
    }

    [TestMethod]
    public void Close_CallerWaitingForRoom_StopsWaiting()
    {
        using var queue = new EventQueue(1, MoniKitLogOverflowAction.Block, new FakeTimeProvider());
        queue.Enqueue(Event(0), out _);
        var caller = Task.Run(() => queue.Enqueue(Event(1), out _));
        queue.Close();
        Assert.IsTrue(caller.Wait(Patience), "a closed queue holds nobody up");
    }

    [TestMethod]
    public void WaitForBatch_HalfTheLimitQueued_ReturnsWithoutWaitingForTheDelay()
    {
        // The fake clock never moves, so waiting for the delay would never end.
        using var queue = new EventQueue(8, MoniKitLogOverflowAction.Discard, new FakeTimeProvider());
        for (var i = 0; i < 4; i++)
        {
            queue.Enqueue(Event(i), out _);
        }

        Assert.IsTrue(Task.Run(queue.WaitForBatch).Wait(Patience));
    }

    [TestMethod]
    public void WaitForBatch_OneEvent_ReturnsOnceTheDelayHasPassed()
    {
        var time = new ObservedTimeProvider();
        using var queue = new EventQueue(1000, MoniKitLogOverflowAction.Discard, time);
        queue.Enqueue(Event(0), out _);
        var waiting = Task.Run(queue.WaitForBatch);
        Assert.IsTrue(time.WaitForTimer(Patience));
        Assert.IsFalse(waiting.IsCompleted);

        time.Advance(EventQueue.BatchDelay);
        Assert.IsTrue(waiting.Wait(Patience));
    }

    [TestMethod]
    public void WaitForBatch_HurriedForAFlush_ReturnsWithoutWaitingForTheDelay()
    {
        using var queue = new EventQueue(1000, MoniKitLogOverflowAction.Discard, new FakeTimeProvider());
        queue.Enqueue(Event(0), out _);
        queue.Hurry();
        Assert.IsTrue(Task.Run(queue.WaitForBatch).Wait(Patience));
    }

    private static QueuedEvent Event(int number) => new(new LogEventInfo(LogLevel.Info, "Test", number.ToString(System.Globalization.CultureInfo.InvariantCulture)), null);

    private static string[] Drain(EventQueue queue)
    {
        var messages = new List<string>();
        while (queue.TryDequeue(out var item))
        {
            messages.Add(item.Event.Message);
        }

        return [.. messages];
    }
}
