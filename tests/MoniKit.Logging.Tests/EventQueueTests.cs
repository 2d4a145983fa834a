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
    public void WaitForWork_AnEventQueued_ReturnsAtOnce()
    {
        // The fake clock never moves: an event that finds the writer idle does not wait for a batch.
        using var queue = new EventQueue(1000, MoniKitLogOverflowAction.Discard, new FakeTimeProvider());
        var waiting = Task.Run(() => queue.WaitForWork(() => false));
        queue.Enqueue(Event(0), out _);
        Assert.IsTrue(waiting.Wait(Patience));
    }

    [TestMethod]
    public void WaitForWork_OtherWorkAskedFor_ReturnsWithoutAnEvent()
    {
        using var queue = new EventQueue(1000, MoniKitLogOverflowAction.Discard, new FakeTimeProvider());
        var flushRequested = false;
        var waiting = Task.Run(() => queue.WaitForWork(() => Volatile.Read(ref flushRequested)));
        Volatile.Write(ref flushRequested, true);
        queue.Hurry();
        Assert.IsTrue(waiting.Wait(Patience));
    }

    [TestMethod]
    public void PauseForBatch_FewEventsQueued_ReturnsOnceTheDelayHasPassed()
    {
        var time = new ObservedTimeProvider();
        using var queue = new EventQueue(1000, MoniKitLogOverflowAction.Discard, time);
        queue.Enqueue(Event(0), out _);
        var pausing = Task.Run(queue.PauseForBatch);
        Assert.IsTrue(time.WaitForTimer(Patience));
        time.Advance(EventQueue.BatchDelay - TimeSpan.FromTicks(1));
        Assert.IsFalse(pausing.IsCompleted);

        time.Advance(TimeSpan.FromTicks(1));
        Assert.IsTrue(pausing.Wait(Patience));
    }

    [TestMethod]
    public void PauseForBatch_HalfTheLimitQueued_ReturnsWithoutPausing()
    {
        using var queue = new EventQueue(8, MoniKitLogOverflowAction.Discard, new FakeTimeProvider());
        for (var i = 0; i < 4; i++)
        {
            queue.Enqueue(Event(i), out _);
        }

        Assert.IsTrue(Task.Run(queue.PauseForBatch).Wait(Patience));
    }

    [TestMethod]
    public void PauseForBatch_HurriedForAFlush_ReturnsWithoutPausing()
    {
        using var queue = new EventQueue(1000, MoniKitLogOverflowAction.Discard, new FakeTimeProvider());
        queue.Enqueue(Event(0), out _);
        queue.Hurry();
        Assert.IsTrue(Task.Run(queue.PauseForBatch).Wait(Patience));
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
