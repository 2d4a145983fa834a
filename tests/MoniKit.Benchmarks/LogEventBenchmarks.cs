using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using MoniKit.Logging;
using NLog.Layouts;

namespace MoniKit.Benchmarks;

/// <summary>
/// One <c>http.inbound</c> event created, rendered as a JSON line and written to a text writer: with the MoniKit
/// layout, with NLog's plain <see cref="JsonLayout"/> holding the same fields, and with Microsoft.Extensions.Logging's
/// JSON console formatter (which writes its own field names). The writer discards the text.
/// </summary>
[MemoryDiagnoser]
public class LogEventBenchmarks : IDisposable
{
    private readonly LoggerExternalScopeProvider _scopes = new();
    private readonly StringBuilder _line = new(1024);
    private readonly StringWriter _formatterOutput = new(new StringBuilder(1024), System.Globalization.CultureInfo.InvariantCulture);
    private readonly TextWriter _sink = new StreamWriter(Stream.Null, new UTF8Encoding(false), 4096);
    private MoniKitJsonLayout _moniKit = null!;
    private JsonLayout _plain = null!;
    private ConsoleFormatter _json = null!;
    private ServiceProvider _services = null!;

    private StringBuilder? _last;

    /// <summary>The last line written, for the smoke tests.</summary>
    public string LastLine => _last?.ToString().TrimEnd() ?? string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _moniKit = new MoniKitJsonLayout(InboundEvent.Service);
        _plain = PlainJsonLayoutFactory.Create(InboundEvent.Service);
        _services = new ServiceCollection().AddLogging(logging => logging.AddJsonConsole()).BuildServiceProvider();
        _json = _services.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Json);
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark]
    public int MoniKitLayout() => Write(_moniKit);

    [Benchmark(Baseline = true)]
    public int PlainJsonLayout() => Write(_plain);

    [Benchmark]
    public int MicrosoftJsonConsole()
    {
        var builder = _formatterOutput.GetStringBuilder();
        builder.Clear();
        var state = new InboundState(InboundEvent.Message, InboundEvent.Fields);
        var entry = new LogEntry<InboundState>(
            LogLevel.Information, InboundEvent.Logger, new EventId(1, EventKinds.HttpInbound), state, null, InboundState.Format);
        _json.Write(in entry, _scopes, _formatterOutput);
        builder.Append('\n');
        return Emit(builder);
    }

    public void Dispose()
    {
        _services?.Dispose();
        _sink.Dispose();
        _formatterOutput.Dispose();
        GC.SuppressFinalize(this);
    }

    private int Write(Layout layout)
    {
        var logEvent = new NLog.LogEventInfo(NLog.LogLevel.Info, InboundEvent.Logger, InboundEvent.Message);
        foreach (var (name, value) in InboundEvent.Fields)
        {
            logEvent.Properties[name] = value;
        }

        logEvent.Properties["EventId"] = 1;
        logEvent.Properties["EventName"] = EventKinds.HttpInbound;
        _line.Clear();
        layout.Render(logEvent, _line);
        _line.Append('\n');
        return Emit(_line);
    }

    private int Emit(StringBuilder line)
    {
        _sink.Write(line);
        _last = line;
        return line.Length;
    }
}
