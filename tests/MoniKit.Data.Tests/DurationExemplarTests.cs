using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Data.Common;
using Dapper;

namespace MoniKit.Data.Tests;

/// <summary>
/// The command duration is recorded inside the caller's activity, so under the OpenTelemetry SDK's trace-based exemplar
/// filter (MoniKit.Metrics) a command run by a sampled request or job becomes the exemplar of its bucket.
/// </summary>
[TestClass]
public sealed class DurationExemplarTests
{
    [TestMethod]
    public async Task Command_InsideSampledActivity_DurationRecordedWithThatActivityCurrent()
    {
        using var database = new SqliteDatabase();
        using var host = TestHost.Start();
        var factory = host.Get<IMeterFactory>();
        var seen = new List<(ActivityTraceId TraceId, bool Recorded)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "db.client.operation.duration" && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => seen.Add((Activity.Current?.TraceId ?? default, Activity.Current?.Recorded ?? false)));
        listener.Start();
        await using var connection = database.CreateConnection().WithMoniKit(host.Services);
        using var request = new Activity("GET /things") { ActivityTraceFlags = ActivityTraceFlags.Recorded };
        request.Start();

        await connection.ExecuteAsync("CREATE TABLE things (id INTEGER)");

        Assert.HasCount(1, seen);
        Assert.AreEqual(request.TraceId, seen[0].TraceId);
        Assert.IsTrue(seen[0].Recorded);
    }
}
