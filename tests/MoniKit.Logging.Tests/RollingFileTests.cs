using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using MoniKit.Logging.Implementation;

namespace MoniKit.Logging.Tests;

[TestClass]
public sealed class RollingFileTests
{
    private const string Folder = "/logs";
    private const string Active = Folder + "/orders.json";

    private readonly MemoryLogFileSystem _disk = new();
    private readonly FakeTimeProvider _time = new();
    private readonly List<string> _reports = [];
    private readonly StrongBox<long> _dropped = new();
    private readonly DeletedArchives _deleted = new();

    [TestMethod]
    public void Write_LineWouldPassTheLimit_ArchivesFirstAndNumbersArchivesUpwards()
    {
        using var file = Create(limit: 100);
        for (var i = 0; i < 7; i++)
        {
            file.Write(Line(i, 40));
        }

        CollectionAssert.AreEqual(new[] { "orders.json", "orders_01.json", "orders_02.json", "orders_03.json" }, _disk.Names.ToArray());
        CollectionAssert.AreEqual(new[] { Text(0, 40), Text(1, 40) }, _disk.Lines("orders_01.json"));
        CollectionAssert.AreEqual(new[] { Text(6, 40) }, _disk.Lines("orders.json"));
        Assert.IsTrue(_disk.Names.All(n => Encoding.UTF8.GetByteCount(_disk.Text(n)) <= 100));
    }

    [TestMethod]
    public void Write_OneBatchAcrossTheLimit_SplitsItAtALineAndArchivesBetween()
    {
        using var file = Create(limit: 100);
        file.Write(Lines(0, 5, 40));

        CollectionAssert.AreEqual(new[] { Text(0, 40), Text(1, 40) }, _disk.Lines("orders_01.json"));
        CollectionAssert.AreEqual(new[] { Text(2, 40), Text(3, 40) }, _disk.Lines("orders_02.json"));
        CollectionAssert.AreEqual(new[] { Text(4, 40) }, _disk.Lines("orders.json"));
    }

    [TestMethod]
    [DataRow(2, new[] { "orders.json", "orders_04.json", "orders_05.json" })]
    [DataRow(0, new[] { "orders.json", "orders_01.json", "orders_02.json", "orders_03.json", "orders_04.json", "orders_05.json" })]
    public void Write_MoreArchivesThanKept_DeletesTheOldestUnlessTheLimitIsZero(int maxArchiveFiles, string[] expected)
    {
        using var file = Create(limit: 50, maxArchiveFiles);
        for (var i = 0; i < 6; i++)
        {
            file.Write(Line(i, 40));
        }

        CollectionAssert.AreEqual(expected, _disk.Names.ToArray());
        Assert.AreEqual(Text(5, 40), _disk.Lines("orders.json").Single());
    }

    [TestMethod]
    public void Write_RetentionDeletesArchives_CountsThemAndTheLinesTheyHeld()
    {
        using var file = Create(limit: 100, maxArchiveFiles: 1);
        for (var i = 0; i < 7; i++)
        {
            file.Write(Line(i, 40));
        }

        // Two lines a file: orders_01 (0, 1) and orders_02 (2, 3) went, orders_03 (4, 5) and the active file (6) stay.
        CollectionAssert.AreEqual(new[] { "orders.json", "orders_03.json" }, _disk.Names.ToArray());
        Assert.AreEqual(2L, _deleted.Files);
        Assert.AreEqual(4L, _deleted.Lines);
        Assert.AreEqual(0L, _dropped.Value, "retention is not a loss of the writer's");
        Assert.IsEmpty(_reports, "deleting by retention is the configured behaviour, not said on standard error");
    }

    [TestMethod]
    public void Write_RetentionDeletesAnArchiveOfAnEarlierRun_CountsItsLinesToo()
    {
        _disk.Put(Folder + "/orders_05.json", "{\"old\":1}\n{\"old\":2}\n{\"old\":3}\n");
        using var file = Create(limit: 100, maxArchiveFiles: 1);
        for (var i = 0; i < 3; i++)
        {
            file.Write(Line(i, 40));
        }

        CollectionAssert.AreEqual(new[] { "orders.json", "orders_06.json" }, _disk.Names.ToArray());
        Assert.AreEqual(1L, _deleted.Files);
        Assert.AreEqual(3L, _deleted.Lines);
    }

    [TestMethod]
    public void Write_ManyRolls_ListsTheFolderOnlyAtTheFirst()
    {
        using var file = Create(limit: 50, maxArchiveFiles: 3);
        for (var i = 0; i < 20; i++)
        {
            file.Write(Line(i, 40));
        }

        CollectionAssert.AreEqual(new[] { "orders.json", "orders_17.json", "orders_18.json", "orders_19.json" }, _disk.Names.ToArray());
        Assert.AreEqual(1, _disk.Listings);
        Assert.AreEqual(16L, _deleted.Files);
    }

    [TestMethod]
    public void Write_NextArchiveNumberTakenMeanwhile_ListsTheFolderAgainASecondLaterAndLosesNothing()
    {
        using var file = Create(limit: 50, maxArchiveFiles: 0);
        file.Write(Line(0, 40));
        file.Write(Line(1, 40));
        _disk.Put(Folder + "/orders_02.json", "{\"other\":\"writer\"}\n");
        file.Write(Line(2, 40));
        Assert.HasCount(2, _disk.Lines("orders.json"), "the active file keeps the lines while archiving fails");

        _time.Advance(RollingFile.RetryDelay);
        file.Write(Line(3, 40));

        CollectionAssert.AreEqual(new[] { "orders.json", "orders_01.json", "orders_02.json", "orders_03.json" }, _disk.Names.ToArray());
        CollectionAssert.AreEqual(new[] { Text(1, 40), Text(2, 40) }, _disk.Lines("orders_03.json"));
        Assert.AreEqual("{\"other\":\"writer\"}", _disk.Lines("orders_02.json").Single());
        Assert.AreEqual(0L, _dropped.Value);
    }

    [TestMethod]
    public void Write_DeletingAnArchiveFails_RollingGoesOnAndTheArchiveGoesAtTheNextRoll()
    {
        using var file = Create(limit: 50, maxArchiveFiles: 1);
        file.Write(Line(0, 40));
        _disk.DeleteFailure = new UnauthorizedAccessException("Access to the path is denied.");
        file.Write(Line(1, 40));
        file.Write(Line(2, 40));
        CollectionAssert.AreEqual(new[] { "orders.json", "orders_01.json", "orders_02.json" }, _disk.Names.ToArray());
        Assert.AreEqual(0L, _deleted.Files, "only what is really deleted is counted");

        _disk.DeleteFailure = null;
        file.Write(Line(3, 40));

        CollectionAssert.AreEqual(new[] { "orders.json", "orders_03.json" }, _disk.Names.ToArray());
        Assert.AreEqual(2L, _deleted.Files);
        Assert.AreEqual(Text(3, 40), _disk.Lines("orders.json").Single());
    }

    [TestMethod]
    public void Write_ArchiveNumbersFromAnEarlierRun_ContinueAfterTheHighest()
    {
        _disk.Put(Folder + "/orders_07.json", "{\"old\":7}\n");
        _disk.Put(Folder + "/orders_other.json", "{\"not\":\"an archive\"}\n");
        _disk.Put(Active, new string('x', 60) + "\n");
        using var file = Create(limit: 100);
        file.Write(Line(1, 60));

        CollectionAssert.AreEqual(new[] { "orders.json", "orders_07.json", "orders_08.json", "orders_other.json" }, _disk.Names.ToArray());
        Assert.AreEqual(new string('x', 60), _disk.Lines("orders_08.json").Single());
    }

    [TestMethod]
    public void Write_LineLongerThanTheLimit_GoesAloneIntoAFileOfItsOwn()
    {
        using var file = Create(limit: 100);
        file.Write(Line(0, 40));
        file.Write(Line(1, 300));
        file.Write(Line(2, 40));

        CollectionAssert.AreEqual(new[] { Text(0, 40) }, _disk.Lines("orders_01.json"));
        CollectionAssert.AreEqual(new[] { Text(1, 300) }, _disk.Lines("orders_02.json"));
        CollectionAssert.AreEqual(new[] { Text(2, 40) }, _disk.Lines("orders.json"));
    }

    [TestMethod]
    public void Write_DiskFullPartWayThroughALine_CutsBackToTheLastWholeLineAndCountsTheRest()
    {
        using var file = Create(limit: 10_000);
        _disk.Capacity = 150;
        file.Write(Lines(0, 5, 40));

        // Three lines fit (123 bytes), the fourth only in part: it is cut off again.
        CollectionAssert.AreEqual(new[] { Text(0, 40), Text(1, 40), Text(2, 40) }, _disk.Lines("orders.json"));
        Assert.EndsWith("\n", _disk.Text("orders.json"));
        Assert.AreEqual(2L, _dropped.Value);

        _disk.Capacity = long.MaxValue;
        _time.Advance(RollingFile.RetryDelay);
        file.Write(Line(5, 40));
        CollectionAssert.AreEqual(new[] { Text(0, 40), Text(1, 40), Text(2, 40), Text(5, 40) }, _disk.Lines("orders.json"));
    }

    [TestMethod]
    public void Write_CutBackRefusedToo_UnfinishedLineIsRemovedAtTheNextOpening()
    {
        using var file = Create(limit: 10_000);
        _disk.Capacity = 60;
        _disk.RefuseCutBack = true;
        file.Write(Lines(0, 2, 40));
        Assert.DoesNotEndWith("\n", _disk.Text("orders.json"), "the disk kept half a line");

        _disk.Capacity = long.MaxValue;
        _disk.RefuseCutBack = false;
        _time.Advance(RollingFile.RetryDelay);
        file.Write(Line(2, 40));

        CollectionAssert.AreEqual(new[] { Text(0, 40), Text(2, 40) }, _disk.Lines("orders.json"));
    }

    [TestMethod]
    public void Open_ExistingFileEndingInsideALine_CutsItBackBeforeWriting()
    {
        _disk.Put(Active, "{\"a\":1}\n{\"b\":");
        using var file = Create(limit: 10_000);
        file.Write(Line(1, 20));

        Assert.AreEqual("{\"a\":1}\n" + Text(1, 20) + "\n", _disk.Text("orders.json"));
    }

    [TestMethod]
    public void Write_DiskFullForAWhile_ReportsOnceThenOnceMoreWithTheCountWhenWritingResumes()
    {
        using var file = Create(limit: 10_000);
        _disk.Capacity = 0;
        for (var second = 0; second < 5; second++)
        {
            file.Write(Lines(second * 10, 10, 40));
            _time.Advance(RollingFile.RetryDelay);
        }

        Assert.HasCount(1, _reports, string.Join('\n', _reports));
        StringAssert.Contains(_reports[0], "cannot write the log file /logs/orders.json (No space left on device)");
        Assert.AreEqual(50L, _dropped.Value);

        _disk.Capacity = long.MaxValue;
        file.Write(Line(99, 40));
        file.Write(Line(100, 40));
        Assert.HasCount(2, _reports, string.Join('\n', _reports));
        StringAssert.Contains(_reports[1], "writing the log file /logs/orders.json again; 50 lines were dropped while it could not be written");
        CollectionAssert.AreEqual(new[] { Text(99, 40), Text(100, 40) }, _disk.Lines("orders.json"));
    }

    [TestMethod]
    public void Write_AfterAFailure_TriesAgainOnlyWhenTheRetryDelayHasPassed()
    {
        _disk.OpenFailure = new UnauthorizedAccessException("Access to the path is denied.");
        using var file = Create(limit: 10_000);
        file.Write(Line(0, 20));
        Assert.AreEqual(1, _disk.Opens);

        _time.Advance(RollingFile.RetryDelay - TimeSpan.FromMilliseconds(1));
        file.Write(Line(1, 20));
        Assert.AreEqual(1, _disk.Opens, "no attempt within the retry delay");

        _disk.OpenFailure = null;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        file.Write(Line(2, 20));
        Assert.AreEqual(2, _disk.Opens);
        CollectionAssert.AreEqual(new[] { Text(2, 20) }, _disk.Lines("orders.json"));
        Assert.AreEqual(2L, _dropped.Value, "every line written while the file was unavailable is counted");
        Assert.HasCount(2, _reports);
    }

    [TestMethod]
    public void Write_ArchivingFails_KeepsEveryLineInTheActiveFileAndTriesAgainASecondLater()
    {
        using var file = Create(limit: 50);
        _disk.MoveFailure = new IOException("Device or resource busy");
        file.Write(Line(0, 40));
        file.Write(Line(1, 40));
        file.Write(Line(2, 40));
        CollectionAssert.AreEqual(new[] { "orders.json" }, _disk.Names.ToArray());
        Assert.HasCount(3, _disk.Lines("orders.json"));

        _disk.MoveFailure = null;
        _time.Advance(RollingFile.RetryDelay);
        file.Write(Line(3, 40));
        CollectionAssert.AreEqual(new[] { "orders.json", "orders_01.json" }, _disk.Names.ToArray());
        Assert.HasCount(3, _disk.Lines("orders_01.json"));
        Assert.AreEqual(0L, _dropped.Value);
    }

    private RollingFile Create(long limit, int maxArchiveFiles = 5) =>
        new(Active, limit, maxArchiveFiles, _dropped, _deleted, _disk, _time, _reports.Add);

    private static string Text(int number, int length)
    {
        var head = $"{{\"n\":{number},\"p\":\"";
        return head + new string('x', length - head.Length - 2) + "\"}";
    }

    private static byte[] Line(int number, int length) => Encoding.UTF8.GetBytes(Text(number, length) + "\n");

    private static byte[] Lines(int first, int count, int length) =>
        [.. Enumerable.Range(first, count).SelectMany(i => Line(i, length))];
}
