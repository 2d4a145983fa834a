using NLog;
using NLog.Targets;

namespace MoniKit.Logging;

/// <summary>
/// An extra NLog target that MoniKit adds to each host's logging configuration, such as the Slack alert target or a
/// test capture. Register instances in the service collection; MoniKit routes every logger at
/// <see cref="MinLevel"/> and above to <see cref="Target"/>, after its own file and console targets.
/// </summary>
/// <param name="target">The target. MoniKit does not wrap it: a slow target must queue on its own.</param>
/// <param name="minLevel">The lowest level routed to the target.</param>
public sealed class MoniKitLogTarget(Target target, LogLevel minLevel)
{
    /// <summary>The target.</summary>
    public Target Target { get; } = target ?? throw new ArgumentNullException(nameof(target));

    /// <summary>The lowest level routed to the target.</summary>
    public LogLevel MinLevel { get; } = minLevel ?? throw new ArgumentNullException(nameof(minLevel));
}
