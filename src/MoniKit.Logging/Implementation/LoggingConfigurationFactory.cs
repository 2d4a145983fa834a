using NLog;
using NLog.Config;
using NLog.Layouts;
using NLog.Targets;
using NLog.Targets.Wrappers;

namespace MoniKit.Logging.Implementation;

/// <summary>Builds a host's NLog configuration in code: counter, console and files, then extra targets.</summary>
internal static class LoggingConfigurationFactory
{
    private const string TextLayout =
        "${date:universalTime=true:format=HH\\:mm\\:ss.fff} ${pad:padding=-5:inner=${level:uppercase=true}} ${logger}: ${message}"
        + "${onexception:inner=${newline}${exception:format=tostring}}";

    public static LoggingConfiguration Create(
        LogFactory factory,
        MoniKitOptions service,
        MoniKitLoggingOptions options,
        string directory,
        LoggingMetrics metrics,
        IEnumerable<MoniKitLogTarget> extraTargets)
    {
        var configuration = new LoggingConfiguration(factory);
        configuration.AddRuleForAllLevels(new EventCountingTarget(metrics) { Name = "monikit-counter" });

        var layout = new MoniKitJsonLayout(service);
        var console = options.Console ?? MoniKitConsoleFormat.Json;
        var consoleLevel = LogLevel.FromOrdinal((int)(options.ConsoleLevel ?? Microsoft.Extensions.Logging.LogLevel.Trace));
        if (console == MoniKitConsoleFormat.Text)
        {
            var text = new ColoredConsoleTarget { Layout = Layout.FromString(TextLayout), DetectConsoleAvailable = false };
            AddQueued(configuration, text, "console", options, metrics, consoleLevel);
        }

        // The JSON destinations share one queue and one writer, which renders each line once for all of them.
        var serviceName = service.ServiceName ?? "service";
        var file = options.File ? CreateFile(Path.Combine(directory, options.FileName ?? serviceName + ".json"), "file") : null;
        var errorFile = options.ErrorFile
            ? CreateFile(Path.Combine(directory, options.ErrorFileName ?? serviceName + ".error.json"), "error-file")
            : null;
        if (console == MoniKitConsoleFormat.Json || file is not null || errorFile is not null)
        {
            var jsonConsoleLevel = console == MoniKitConsoleFormat.Json ? consoleLevel : null;
            var writer = new JsonLineTarget(layout, options, jsonConsoleLevel, file, errorFile, metrics) { Name = "monikit-json" };

            // Only the levels some destination wants are queued at all.
            var minLevel = file is not null ? LogLevel.Trace : LogLevel.Error;
            if (jsonConsoleLevel is not null && jsonConsoleLevel < minLevel)
            {
                minLevel = jsonConsoleLevel;
            }

            configuration.AddRule(minLevel, LogLevel.Fatal, writer);
        }

        var index = 0;
        foreach (var extra in extraTargets)
        {
            extra.Target.Name ??= $"monikit-extra-{index}";
            index++;
            configuration.AddRule(extra.MinLevel, LogLevel.Fatal, extra.Target);
        }

        return configuration;

        RollingFile CreateFile(string path, string target) =>
            new(path, options.ArchiveAboveSizeBytes, options.MaxArchiveFiles, metrics.RegisterTarget(target));
    }

    private static void AddQueued(
        LoggingConfiguration configuration,
        Target target,
        string name,
        MoniKitLoggingOptions options,
        LoggingMetrics metrics,
        LogLevel minLevel)
    {
        target.Name = "monikit-" + name + "-writer";
        var wrapper = new AsyncTargetWrapper(target)
        {
            Name = "monikit-" + name,
            QueueLimit = options.QueueLimit,

            // NLog's default wakes the writer 1 ms after each event; under load that is a wake-up and a small write
            // per request. Waiting a little longer writes the same lines in larger batches, using far less CPU.
            TimeToSleepBetweenBatches = 20,
            OverflowAction = options.OverflowAction switch
            {
                MoniKitLogOverflowAction.Block => AsyncTargetWrapperOverflowAction.Block,
                MoniKitLogOverflowAction.Grow => AsyncTargetWrapperOverflowAction.Grow,
                _ => AsyncTargetWrapperOverflowAction.Discard,
            },
        };
        var dropped = metrics.RegisterTarget(name);
        wrapper.LogEventDropped += (_, _) => Interlocked.Increment(ref dropped.Value);
        configuration.AddRule(minLevel, LogLevel.Fatal, wrapper);
    }
}
