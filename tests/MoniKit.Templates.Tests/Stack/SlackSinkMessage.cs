using System.Diagnostics;

namespace MoniKit.Templates.Tests.Stack;

/// <summary>A POST the sink received: when (a <see cref="Stopwatch"/> timestamp and the wall clock), and what.</summary>
public sealed record SlackSinkMessage(long ArrivedTimestamp, DateTimeOffset ArrivedAt, string Body, IReadOnlyList<string> Titles)
{
    /// <summary>Whether the message announces <paramref name="alertName"/> firing.</summary>
    public bool IsFiring(string alertName) =>
        Titles.Any(t => t.StartsWith("[FIRING", StringComparison.Ordinal) && t.Contains(alertName, StringComparison.Ordinal));

    /// <summary>The time from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) to arrival.</summary>
    public TimeSpan Since(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp, ArrivedTimestamp);
}
