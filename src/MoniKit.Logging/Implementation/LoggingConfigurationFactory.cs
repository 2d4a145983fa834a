using NLog;
using NLog.Config;
using NLog.Layouts;
using NLog.Targets;
using NLog.Targets.Wrappers;

namespace MoniKit.Logging.Implementation;

/// <summary>Builds a host's NLog configuration in code: counter, console, file, error file, then extra targets.</summary>
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
        switch (options.Console ?? MoniKitConsoleFormat.Json)
        {
            case MoniKitConsoleFormat.Json:
                AddQueued(configuration, new ConsoleTarget { Layout = layout, ForceWriteLine = false }, "console", options, metrics, LogLevel.Trace);
                break;
            case MoniKitConsoleFormat.Text:
                var text = new ColoredConsoleTarget { Layout = Layout.FromString(TextLayout), DetectConsoleAvailable = false };
                AddQueued(configuration, text, "console", options, metrics, LogLevel.Trace);
                break;
        }

        var serviceName = service.ServiceName ?? "service";
        if (options.File)
        {
            var file = CreateFile(layout, Path.Combine(directory, options.FileName ?? serviceName + ".json"), options);
            AddQueued(configuration, file, "file", options, metrics, LogLevel.Trace);
        }

        if (options.ErrorFile)
        {
            var errorFile = CreateFile(layout, Path.Combine(directory, options.ErrorFileName ?? serviceName + ".error.json"), options);
            AddQueued(configuration, errorFile, "error-file", options, metrics, LogLevel.Error);
        }

        var index = 0;
        foreach (var extra in extraTargets)
        {
            extra.Target.Name ??= $"monikit-extra-{index}";
            index++;
            configuration.AddRule(extra.MinLevel, LogLevel.Fatal, extra.Target);
        }

        return configuration;
    }

    private static FileTarget CreateFile(Layout layout, string path, MoniKitLoggingOptions options) => new()
    {
        FileName = Layout.FromLiteral(path),

        // Naming an archive file makes NLog move the full file aside, so the active file keeps its name.
        ArchiveFileName = Layout.FromLiteral(Path.ChangeExtension(path, null) + "_{#}" + Path.GetExtension(path)),
        Layout = layout,
        ArchiveAboveSize = options.ArchiveAboveSizeBytes,
        MaxArchiveFiles = options.MaxArchiveFiles,
        ArchiveSuffixFormat = "_{0:00}",
        LineEnding = LineEndingMode.LF,
        Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        KeepFileOpen = true,
        CreateDirs = true,
    };

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
