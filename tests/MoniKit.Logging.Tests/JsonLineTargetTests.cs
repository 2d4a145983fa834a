using MoniKit.Logging.Implementation;
using NLog;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class JsonLineTargetTests
{
    private static readonly TimeSpan Patience = WriterFixture.Patience;

    [TestMethod]
    public void Write_EventsAfterABatch_WaitForTheBatchDelayAndGoTogether()
    {
        using var fixture = new WriterFixture(Options());
        var logger = fixture.Logger();
        logger.Info("wakes the writer");

        // The event that finds the writer idle is written at once; the fake clock has not moved.
        Assert.IsTrue(fixture.Disk.WaitForLines("orders.json", 1, Patience));
        Assert.IsTrue(fixture.Time.WaitForTimer(Patience), "the writer never paused after its batch");
        for (var i = 0; i < 3; i++)
        {
            logger.Info("line {Number}", i);
        }

        fixture.Time.Advance(EventQueue.BatchDelay - TimeSpan.FromTicks(1));
        Assert.HasCount(1, fixture.Disk.Lines("orders.json"), "nothing more is written before the batch delay");

        fixture.Time.Advance(TimeSpan.FromTicks(1));
        Assert.IsTrue(fixture.Disk.WaitForLines("orders.json", 4, Patience));
    }

    [TestMethod]
    public void Write_AFullBatch_WrittenWithoutWaitingForTheDelay()
    {
        using var fixture = new WriterFixture(Options());
        var logger = fixture.Logger();
        logger.Info("wakes the writer");
        Assert.IsTrue(fixture.Time.WaitForTimer(Patience), "the writer never paused after its batch");
        for (var i = 0; i < EventQueue.BatchSize; i++)
        {
            logger.Info("line {Number}", i);
        }

        // The clock never moves: only the batch's size can have cut the pause short.
        Assert.IsTrue(fixture.Disk.WaitForLines("orders.json", EventQueue.BatchSize + 1, Patience));
    }

    [TestMethod]
    public async Task Write_ABurst_ReachesTheFileInPiecesThatFitABatchBuffer()
    {
        // Pieces this small keep every batch buffer off the large object heap, and the few kept for reuse small: an
        // idle service holds no burst's worth of buffers.
        using var fixture = new WriterFixture(Options());
        var logger = fixture.Logger();
        var text = new string('x', 1000);
        for (var i = 0; i < 1000; i++)
        {
            logger.Info("{Text} {Number}", text, i);
        }

        await fixture.FlushAsync().WaitAsync(Patience);

        Assert.HasCount(1000, fixture.Disk.Lines("orders.json"));
        int[] writes;
        lock (fixture.Disk.Gate)
        {
            writes = [.. fixture.Disk.WriteSizes];
        }

        var longestLine = fixture.Disk.Lines("orders.json").Max(line => line.Length) + 1;
        Assert.IsLessThanOrEqualTo(LineBatch<byte>.HandOffBytes + longestLine, writes.Max());
        Assert.IsGreaterThan(1000 * text.Length / LineBatch<byte>.CapacityBytes, writes.Length);
        Assert.IsLessThan(85_000, LineBatch<byte>.CapacityBytes, "a batch buffer this large would be allocated on the large object heap");
    }

    [TestMethod]
    public async Task Flush_SlowConsole_CompletesOnlyOnceEveryDestinationWroteTheLinesBeforeIt()
    {
        using var console = new BlockingTextWriter();
        using var fixture = new WriterFixture(Options(MoniKitConsoleFormat.Json), console);
        var logger = fixture.Logger();
        for (var i = 0; i < 10; i++)
        {
            logger.Warn("line {Number}", i);
        }

        var flushed = fixture.FlushAsync();
        Assert.IsTrue(fixture.Disk.WaitForLines("orders.json", 10, Patience));
        Assert.IsTrue(console.WaitUntilBlocked(Patience));
        Assert.IsFalse(flushed.IsCompleted, "the console has not written its lines yet");

        console.Release();
        Assert.AreSame(flushed, await Task.WhenAny(flushed, Task.Delay(Patience)));
    }

    [TestMethod]
    public async Task DrainAsync_ConsoleNeverTakesALine_FileGetsEveryLineAndOnlyTheConsoleCountsItsLoss()
    {
        using var console = new BlockingTextWriter();
        var options = Options(MoniKitConsoleFormat.Json);
        options.QueueLimit = 100;
        options.OverflowAction = MoniKitLogOverflowAction.Block;
        using var fixture = new WriterFixture(options, console);
        var logger = fixture.Logger();
        for (var i = 0; i < 1000; i++)
        {
            logger.Warn("line {Number}", i);
        }

        var drain = fixture.Writer.DrainAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.IsTrue(fixture.Disk.WaitForLines("orders.json", 1000, Patience), "the stuck console held up the file");
        var droppedWhileRunning = fixture.Dropped("console");
        Assert.IsGreaterThanOrEqualTo(800L, droppedWhileRunning, "the console's queue holds twice the queue limit; the rest is dropped at once");
        Assert.IsFalse(drain.IsCompleted, "the deadline has not passed");

        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        var lost = await drain;
        console.Release();

        Assert.AreEqual("console", lost.Single().Destination);
        Assert.AreEqual(1000L, droppedWhileRunning + lost.Single().Lines, "every console line is either dropped or given up");
        Assert.AreEqual(1000L, fixture.Dropped("console"));
        Assert.AreEqual(0L, fixture.Dropped("file"));
    }

    [TestMethod]
    public async Task DrainAsync_HostShutdownTimeoutAlreadyPassed_StillWaitsTheMinimumThenGivesUp()
    {
        using var console = new BlockingTextWriter();
        using var fixture = new WriterFixture(Options(MoniKitConsoleFormat.Json), console);
        fixture.Logger().Warn("never shown");
        Assert.IsTrue(fixture.Disk.WaitForLines("orders.json", 1, Patience));

        var drain = fixture.Writer.DrainAsync(TimeSpan.FromSeconds(5), new CancellationToken(canceled: true));
        fixture.Time.Advance(JsonLineTarget.MinimumWait - TimeSpan.FromTicks(1));
        Assert.IsFalse(drain.IsCompleted, "healthy destinations get their minimum");

        fixture.Time.Advance(TimeSpan.FromTicks(1));
        var lost = await drain;
        console.Release();
        Assert.AreEqual(("console", 1L), lost.Single());
    }

    [TestMethod]
    public async Task Write_EveryLevel_ErrorFileGetsErrorAndFatalAsTheSameBytesAsTheFileAndConsoleItsLevelUp()
    {
        var options = Options(MoniKitConsoleFormat.Json);
        options.ConsoleLevel = Microsoft.Extensions.Logging.LogLevel.Warning;
        using var fixture = new WriterFixture(options);
        var logger = fixture.Logger();
        foreach (var level in LogLevel.AllLoggingLevels)
        {
            logger.Log(level, "at {Level} 😀", level.Name);
        }

        await fixture.FlushAsync();
        var file = fixture.Disk.Lines("orders.json");
        Assert.HasCount(6, file);
        CollectionAssert.AreEqual(file[4..], fixture.Disk.Lines("orders.error.json"));
        CollectionAssert.AreEqual(file[3..], fixture.ConsoleText.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.AreEqual("at Fatal 😀", LogFileTests.Parse(file[5]).GetProperty("message").GetString());
    }

    [TestMethod]
    public async Task Write_QueueFullWithDiscard_DropsTheOldestAndCountsItForEachDestinationItWasMeantFor()
    {
        var options = Options(MoniKitConsoleFormat.Json);
        options.QueueLimit = 4;
        using var fixture = new WriterFixture(options);
        var logger = fixture.Logger();
        using var stall = new StallingValue();

        // A property, not a template argument: NLog formats the message on the calling thread, the writer renders the property.
        logger.Log(new LogEventInfo(LogLevel.Error, "Test", "stalls") { Properties = { ["Value"] = stall } });
        Assert.IsTrue(stall.WaitUntilRendering(Patience));
        for (var i = 0; i < 10; i++)
        {
            logger.Error("burst {Number}", i);
        }

        stall.Release();
        await fixture.FlushAsync();

        var burst = fixture.Disk.Lines("orders.json").Select(l => LogFileTests.Parse(l).GetProperty("message").GetString()).Skip(1);
        CollectionAssert.AreEqual(new[] { "burst 6", "burst 7", "burst 8", "burst 9" }, burst.ToArray(), "the newest lines stay: " + string.Join(", ", burst));
        Assert.AreEqual(6L, fixture.Dropped("file"));
        Assert.AreEqual(6L, fixture.Dropped("error-file"));
        Assert.AreEqual(6L, fixture.Dropped("console"));
    }

    [TestMethod]
    public async Task Write_TextConsole_RendersTheTextLineForTheConsoleAndJsonForTheFiles()
    {
        var options = Options(MoniKitConsoleFormat.Text);
        using var fixture = new WriterFixture(options);
        fixture.Logger("Orders").Info("Order {OrderId}\r\ncreated", 42);

        await fixture.FlushAsync();
        StringAssert.Matches(fixture.ConsoleText, new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d:\d\d\.\d{3} INFO  Orders: Order 42\\r\\ncreated\n$"));
        Assert.AreEqual("Order 42\r\ncreated", LogFileTests.Parse(fixture.Disk.Lines("orders.json").Single()).GetProperty("message").GetString());
    }

    private static MoniKitLoggingOptions Options(MoniKitConsoleFormat console = MoniKitConsoleFormat.None) => new()
    {
        Console = console,
        ConsoleLevel = Microsoft.Extensions.Logging.LogLevel.Trace,
    };

    /// <summary>A log argument whose rendering waits: it holds the writer thread where the test wants it.</summary>
    private sealed class StallingValue : IDisposable
    {
        private readonly ManualResetEventSlim _rendering = new(false);
        private readonly ManualResetEventSlim _released = new(false);

        public bool WaitUntilRendering(TimeSpan timeout) => _rendering.Wait(timeout);

        public void Release() => _released.Set();

        public override string ToString()
        {
            _rendering.Set();
            _released.Wait();
            return "stalled";
        }

        public void Dispose()
        {
            _released.Set();
            _rendering.Dispose();
            _released.Dispose();
        }
    }
}
