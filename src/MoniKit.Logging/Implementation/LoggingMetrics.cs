using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// The <c>MoniKit.Logging</c> meter. Counts are plain Interlocked increments made on the logging thread; the
/// observable counters only read them when metrics are collected.
/// </summary>
internal sealed class LoggingMetrics : IDisposable
{
    public const string MeterName = "MoniKit.Logging";

    private static readonly string[] LevelNames = ["trace", "debug", "info", "warn", "error", "fatal"];

    private readonly long[] _events = new long[LevelNames.Length];
    private readonly Dictionary<string, StrongBox<long>> _dropped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DeletedArchives> _deleted = new(StringComparer.Ordinal);
    private readonly Meter? _ownedMeter;

    public LoggingMetrics(IMeterFactory? meterFactory)
    {
        // A host without metrics services still counts; the meter is then only visible to a MeterListener.
        var meter = meterFactory?.Create(MeterName) ?? (_ownedMeter = new Meter(MeterName));
        meter.CreateObservableCounter("monikit.log.events", ObserveEvents, "{event}", "Log events written, by level.");
        meter.CreateObservableCounter(
            "monikit.log.events.dropped", ObserveDropped, "{event}", "Log lines a destination did not write: its queue was full, it could not be written, or the shutdown deadline came first.");
        meter.CreateObservableCounter(
            "monikit.log.archives.deleted", () => ObserveDeleted(static d => d.Files), "{file}", "Log file archives deleted by retention (MaxArchiveFiles), by file.");
        meter.CreateObservableCounter(
            "monikit.log.archives.deleted_lines", () => ObserveDeleted(static d => d.Lines), "{line}", "Lines that were in the log file archives deleted by retention, by file.");
    }

    public void CountEvent(int levelOrdinal)
    {
        if ((uint)levelOrdinal < (uint)_events.Length)
        {
            Interlocked.Increment(ref _events[levelOrdinal]);
        }
    }

    /// <summary>Registers a target whose drops are counted; returns the counter cell to increment.</summary>
    public StrongBox<long> RegisterTarget(string target)
    {
        lock (_dropped)
        {
            if (!_dropped.TryGetValue(target, out var box))
            {
                _dropped[target] = box = new StrongBox<long>();
            }

            return box;
        }
    }

    /// <summary>Registers a log file whose archives retention may delete; returns its counts.</summary>
    public DeletedArchives RegisterArchives(string target)
    {
        lock (_deleted)
        {
            if (!_deleted.TryGetValue(target, out var counts))
            {
                _deleted[target] = counts = new DeletedArchives();
            }

            return counts;
        }
    }

    public void Dispose() => _ownedMeter?.Dispose();

    private IEnumerable<Measurement<long>> ObserveEvents()
    {
        for (var i = 0; i < LevelNames.Length; i++)
        {
            yield return new Measurement<long>(Volatile.Read(ref _events[i]), new KeyValuePair<string, object?>("level", LevelNames[i]));
        }
    }

    private IEnumerable<Measurement<long>> ObserveDropped()
    {
        KeyValuePair<string, StrongBox<long>>[] targets;
        lock (_dropped)
        {
            targets = [.. _dropped];
        }

        foreach (var (target, box) in targets)
        {
            yield return new Measurement<long>(Volatile.Read(ref box.Value), new KeyValuePair<string, object?>("target", target));
        }
    }

    private IEnumerable<Measurement<long>> ObserveDeleted(Func<DeletedArchives, long> count)
    {
        KeyValuePair<string, DeletedArchives>[] targets;
        lock (_deleted)
        {
            targets = [.. _deleted];
        }

        foreach (var (target, counts) in targets)
        {
            yield return new Measurement<long>(count(counts), new KeyValuePair<string, object?>("target", target));
        }
    }
}
