using System.Globalization;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// The one standard-error line at shutdown when log lines were lost: how many, and where. The counter that holds them
/// ends with the process, so this line is what is left to see.
/// </summary>
internal static class ShutdownReport
{
    /// <summary>
    /// Describes the losses not reported yet (<paramref name="reported"/> remembers the counts already said), or returns
    /// <see langword="null"/> when there are none.
    /// </summary>
    public static string? Describe(
        IEnumerable<ILineDestination> destinations,
        IReadOnlyList<(string Destination, long Lines)> abandoned,
        TimeSpan waited,
        Dictionary<string, long> reported)
    {
        var parts = new List<string>();
        long total = 0;
        foreach (var destination in destinations)
        {
            var dropped = destination.DroppedLines - reported.GetValueOrDefault(destination.Name);
            if (dropped <= 0)
            {
                continue;
            }

            reported[destination.Name] = destination.DroppedLines;
            total += dropped;
            var late = abandoned.Where(a => a.Destination == destination.Name).Sum(a => a.Lines);
            parts.Add(late > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{destination.Name} {dropped} ({late} still queued when the shutdown stopped waiting after {waited.TotalSeconds:0.0} s)")
                : string.Create(CultureInfo.InvariantCulture, $"{destination.Name} {dropped}"));
        }

        return total == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"MoniKit: {total} log lines were not written: {string.Join(", ", parts)}. They are counted in monikit_log_events_dropped_total.");
    }
}
