using System.Text;
using NLog;
using NLog.Common;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// Renders each event once, on the writer thread, and adds the line to a batch for every destination that wants it:
/// the console (JSON or text characters), the log file and the error file (the same UTF-8 bytes, encoded once).
/// <see cref="HandOff"/> gives the batches to the destinations' own writers.
/// </summary>
internal sealed class LineRenderer
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly MoniKitJsonLayout _layout;
    private readonly TextLineLayout? _text;
    private readonly LogLevel? _consoleLevel;
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private readonly StringBuilder _line = new(1024);
    private LineBatch<char>? _consoleBatch;
    private LineBatch<byte>? _fileBatch;
    private LineBatch<byte>? _errorBatch;

    public LineRenderer(
        MoniKitJsonLayout layout, TextLineLayout? text, LogLevel? consoleLevel, ConsoleDestination? console, FileDestination? file, FileDestination? errorFile)
    {
        _layout = layout;
        _text = text;
        _consoleLevel = console is null ? null : consoleLevel;
        Console = console;
        File = file;
        ErrorFile = errorFile;
        NeedsJson = file is not null || errorFile is not null || (console is not null && text is null);
    }

    public ConsoleDestination? Console { get; }

    public FileDestination? File { get; }

    public FileDestination? ErrorFile { get; }

    /// <summary>Whether some destination takes JSON lines, whose context must be captured on the logging thread.</summary>
    public bool NeedsJson { get; }

    public IEnumerable<ILineDestination> Destinations =>
        new ILineDestination?[] { Console, File, ErrorFile }.Where(d => d is not null)!;

    /// <summary>What only the logging thread knows, for the JSON line; <see langword="null"/> when no destination takes JSON.</summary>
    public string? CaptureContext(LogEventInfo logEvent) => NeedsJson ? _layout.CaptureContext(logEvent) : null;

    public void Render(in QueuedEvent queued)
    {
        var logEvent = queued.Event;
        var toConsole = _consoleLevel is not null && logEvent.Level >= _consoleLevel;
        var toError = ErrorFile is not null && logEvent.Level >= LogLevel.Error;
        try
        {
            if (toConsole && _text is not null)
            {
                _line.Clear();
                _text.Render(logEvent, _line);
                Append(_consoleBatch ??= Console!.Rent());
            }

            if (!NeedsJson || (File is null && !toError && !(toConsole && _text is null)))
            {
                return;
            }

            _line.Clear();
            _layout.RenderLine(logEvent, queued.Context, _line);
            _line.Append('\n');
        }
#pragma warning disable CA1031 // A line that cannot be rendered is dropped and counted; the others are written.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            InternalLogger.Error(ex, "MoniKit: a log event could not be rendered");
            CountDropped(logEvent);
            return;
        }

        if (toConsole && _text is null)
        {
            Append(_consoleBatch ??= Console!.Rent());
        }

        if (File is not null)
        {
            var bytes = Encode(_fileBatch ??= File.Rent());
            if (toError)
            {
                (_errorBatch ??= ErrorFile!.Rent()).Append(bytes);
                _errorBatch.EndLine();
            }
        }
        else if (toError)
        {
            Encode(_errorBatch ??= ErrorFile!.Rent());
        }

        if (_consoleBatch?.IsFull == true || _fileBatch?.IsFull == true || _errorBatch?.IsFull == true)
        {
            HandOff();
        }
    }

    public void HandOff()
    {
        Offer(Console, ref _consoleBatch);
        Offer(File, ref _fileBatch);
        Offer(ErrorFile, ref _errorBatch);
    }

    /// <summary>Counts an event lost before rendering once for each destination it was meant for.</summary>
    public void CountDropped(LogEventInfo logEvent)
    {
        if (_consoleLevel is not null && logEvent.Level >= _consoleLevel)
        {
            Console!.CountDropped(1);
        }

        File?.CountDropped(1);
        if (logEvent.Level >= LogLevel.Error)
        {
            ErrorFile?.CountDropped(1);
        }
    }

    private static void Offer<T>(LineDestination<T>? destination, ref LineBatch<T>? batch)
        where T : unmanaged
    {
        if (batch is not null)
        {
            destination!.Offer(batch);
            batch = null;
        }
    }

    private void Append(LineBatch<char> batch)
    {
        foreach (var chunk in _line.GetChunks())
        {
            batch.Append(chunk.Span);
        }

        batch.EndLine();
    }

    /// <summary>Encodes the line into the batch; returns its bytes there.</summary>
    private ReadOnlySpan<byte> Encode(LineBatch<byte> batch)
    {
        var target = batch.Reserve(Utf8.GetMaxByteCount(_line.Length));

        // One encoder across the chunks, so that a surrogate pair split between two chunks stays one character.
        var length = 0;
        foreach (var chunk in _line.GetChunks())
        {
            length += _encoder.GetBytes(chunk.Span, target[length..], flush: false);
        }

        length += _encoder.GetBytes([], target[length..], flush: true);
        batch.Commit(length);
        return batch.Content[^length..];
    }
}
