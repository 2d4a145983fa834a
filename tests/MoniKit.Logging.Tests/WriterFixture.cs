using MoniKit.Logging.Implementation;
using NLog;

namespace MoniKit.Logging.Tests;

/// <summary>
/// MoniKit's writer alone, as <see cref="LoggingConfigurationFactory"/> builds it, on a fake clock, an in-memory disk
/// and a console of the test's own, with an NLog <see cref="LogFactory"/> in front. No host.
/// </summary>
internal sealed class WriterFixture : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly LoggingMetrics _metrics = new(meterFactory: null);
    private readonly StringWriter _captured = new();

    public WriterFixture(MoniKitLoggingOptions options, TextWriter? console = null)
    {
        Console = console ?? TextWriter.Synchronized(_captured);
        var environment = new LogWriterEnvironment(Time, Disk, () => Console, Reports.Add, () => new TextLineLayout(colours: false));
        Factory = new LogFactory { AutoShutdown = false, ThrowExceptions = false };
        var service = new MoniKitOptions { ServiceName = "orders", ServiceVersion = "1.0.0", Environment = "Test" };
        Factory.Configuration = LoggingConfigurationFactory.Create(Factory, service, options, RedactionPolicy.Default, "/logs", _metrics, [], environment, out var writer);
        Writer = writer!;
    }

    public ObservedTimeProvider Time { get; } = new();

    public MemoryLogFileSystem Disk { get; } = new();

    public TextWriter Console { get; }

    /// <summary>What reached the console, unless the test brought a console of its own.</summary>
    public string ConsoleText => _captured.ToString();

    public List<string> Reports { get; } = [];

    public LogFactory Factory { get; }

    public JsonLineTarget Writer { get; }

    public Logger Logger(string name = "Test") => Factory.GetLogger(name);

    /// <summary>The lines a destination lost so far.</summary>
    public long Dropped(string destination) => _metrics.RegisterTarget(destination).Value;

    /// <summary>Asks the writer for a flush; the task completes when every destination has written what came before it.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Writer.Flush(_ => flushed.TrySetResult());
        return flushed.Task;
    }

    public void Dispose()
    {
        Factory.Dispose();
        _metrics.Dispose();
        _captured.Dispose();
    }
}
