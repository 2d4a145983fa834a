using NLog;
using NLog.Config;

namespace MoniKit.Logging.Implementation;

/// <summary>Builds a host's NLog configuration in code: the counter, MoniKit's own destinations, then extra targets.</summary>
internal static class LoggingConfigurationFactory
{
    public const string WriterName = "monikit-json";

    public static LoggingConfiguration Create(
        LogFactory factory,
        MoniKitOptions service,
        MoniKitLoggingOptions options,
        RedactionPolicy redaction,
        string directory,
        LoggingMetrics metrics,
        IEnumerable<MoniKitLogTarget> extraTargets,
        LogWriterEnvironment environment,
        out JsonLineTarget? writer)
    {
        var configuration = new LoggingConfiguration(factory);
        configuration.AddRuleForAllLevels(new EventCountingTarget(metrics) { Name = "monikit-counter" });
        writer = CreateWriter(service, options, redaction, directory, metrics, environment, out var minLevel);
        if (writer is not null)
        {
            // Only the levels some destination wants are queued at all.
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
    }

    private static JsonLineTarget? CreateWriter(
        MoniKitOptions service,
        MoniKitLoggingOptions options,
        RedactionPolicy redaction,
        string directory,
        LoggingMetrics metrics,
        LogWriterEnvironment environment,
        out LogLevel minLevel)
    {
        var format = options.Console ?? MoniKitConsoleFormat.Json;
        var consoleLevel = LogLevel.FromOrdinal((int)(options.ConsoleLevel ?? Microsoft.Extensions.Logging.LogLevel.Trace));
        var limit = options.QueueLimit;

        // Each round of the writer hands a destination at most a full queue; room for two means that a destination
        // still writing the previous round never drops the next one.
        var destinationLimit = (int)Math.Min(2L * limit, int.MaxValue);
        var console = format == MoniKitConsoleFormat.None
            ? null
            : new ConsoleDestination(destinationLimit, metrics.RegisterTarget("console"), environment.Console);
        var serviceName = service.ServiceName ?? "service";
        var file = options.File ? CreateFile(options.FileName ?? serviceName + ".json", "file") : null;
        var errorFile = options.ErrorFile ? CreateFile(options.ErrorFileName ?? serviceName + ".error.json", "error-file") : null;
        minLevel = file is not null ? LogLevel.Trace : LogLevel.Error;
        if (console is not null && consoleLevel < minLevel)
        {
            minLevel = consoleLevel;
        }

        if (console is null && file is null && errorFile is null)
        {
            return null;
        }

        var text = format == MoniKitConsoleFormat.Text ? environment.TextLayout() : null;
        var renderer = new LineRenderer(new MoniKitJsonLayout(service, redaction), text, consoleLevel, console, file, errorFile);
        return new JsonLineTarget(new EventQueue(limit, options.OverflowAction, environment.Time), renderer, environment.Time) { Name = WriterName };

        FileDestination CreateFile(string name, string target)
        {
            var rolling = new RollingFile(
                Path.Combine(directory, name),
                options.ArchiveAboveSizeBytes,
                options.MaxArchiveFiles,
                metrics.RegisterTarget(target),
                metrics.RegisterArchives(target),
                environment.FileSystem,
                environment.Time,
                environment.Report);

            // Block promises that no line is lost, so a full file queue holds up the writer; Grow lets it grow.
            var fileLimit = options.OverflowAction == MoniKitLogOverflowAction.Grow ? int.MaxValue : destinationLimit;
            return new FileDestination(target, rolling, fileLimit, waitForRoom: options.OverflowAction == MoniKitLogOverflowAction.Block);
        }
    }
}
