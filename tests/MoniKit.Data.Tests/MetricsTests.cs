using System.Data.Common;
using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace MoniKit.Data.Tests;

[TestClass]
public sealed class MetricsTests
{
    [TestMethod]
    public async Task Commands_Recorded_DurationHistogramAndSlowCounterWithBoundedAttributes()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start(new() { ["MoniKit:Data:SlowQueryThresholdMs"] = "0" });
        var factory = host.Get<IMeterFactory>();
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "MoniKit.Data" && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, ToDictionary(tags))));
        listener.Start();
        await using var connection = database.CreateConnection().WithMoniKit(host.Services);

        await connection.ExecuteAsync("CREATE TABLE things (id INTEGER)");
        await connection.QueryAsync<long>("SELECT id FROM things");

        var durations = measurements.Where(m => m.Instrument == "db.client.operation.duration").ToList();
        Assert.HasCount(2, durations);
        Assert.IsTrue(durations.All(d => d.Value > 0));
        Assert.AreEqual("sqlite", durations[1].Tags["db.system.name"]);
        Assert.AreEqual("SELECT", durations[1].Tags["db.operation.name"]);
        Assert.AreEqual("things", durations[1].Tags["db.collection.name"]);
        var slow = measurements.Where(m => m.Instrument == "monikit.db.slow_queries").ToList();
        Assert.HasCount(2, slow);
        CollectionAssert.AreEquivalent(new[] { "db.system.name", "db.operation.name" }, slow[0].Tags.Keys.ToArray());
    }

    [TestMethod]
    public void Histogram_UnitAndName_FollowOpenTelemetry()
    {
        using var host = TestHost.Start();
        _ = host.Services.GetRequiredService<Implementation.DbCommandMonitor>();
        Instrument? found = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Name == "db.client.operation.duration" && instrument.Meter.Scope == host.Get<IMeterFactory>())
                {
                    found = instrument;
                }
            },
        };
        listener.Start();

        Assert.IsNotNull(found);
        Assert.AreEqual("s", found.Unit);
    }

    [TestMethod]
    public void CollectionNameLimiter_MoreTablesThanTheCap_FoldsTheRestIntoOther()
    {
        var limiter = new Implementation.CollectionNameLimiter();
        for (var i = 0; i < Implementation.CollectionNameLimiter.MaxCollections; i++)
        {
            Assert.AreEqual("t" + i, limiter.Bound("t" + i));
        }

        Assert.AreEqual("_other", limiter.Bound("one_too_many"));
        Assert.AreEqual("t5", limiter.Bound("t5"));
        Assert.IsNull(limiter.Bound(null));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
