using NLog;
using NLog.Targets;

namespace MoniKit.Logging.Implementation;

/// <summary>Counts every event by level on the caller's thread; writes nothing.</summary>
internal sealed class EventCountingTarget(LoggingMetrics metrics) : Target
{
    protected override void Write(LogEventInfo logEvent) => metrics.CountEvent(logEvent.Level.Ordinal);
}
