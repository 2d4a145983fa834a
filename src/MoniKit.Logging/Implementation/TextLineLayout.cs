using System.Globalization;
using System.Text;
using NLog;

namespace MoniKit.Logging.Implementation;

/// <summary>
/// The readable console line of the Development environment: <c>HH:mm:ss.fff LEVEL logger: message</c>, then the
/// exception on indented lines. Control characters in the logger, message and exception are escaped
/// (<see cref="SafeText.EscapeControlCharacters"/>), and only a line of its own starts at the margin, so user input can
/// neither forge a line nor send a terminal escape. Levels are coloured when standard output is a terminal.
/// </summary>
internal sealed class TextLineLayout(bool colours)
{
    private const string Indent = "    ";
    private const string Reset = "\u001b[0m";

    // As NLog's coloured console had them: Trace dark gray, Debug gray, Info default, Warn magenta, Error yellow,
    // Fatal red on white.
    private static readonly string[] Colours = ["\u001b[90m", "\u001b[37m", string.Empty, "\u001b[35m", "\u001b[33m", "\u001b[31;47m"];
    private static readonly string[] Levels = ["TRACE", "DEBUG", "INFO ", "WARN ", "ERROR", "FATAL"];

    /// <summary>Colours unless standard output is redirected or <c>NO_COLOR</c> is set.</summary>
    public static TextLineLayout ForConsole() =>
        new(!Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>Appends the event's lines, each ending with a line feed.</summary>
    public void Render(LogEventInfo logEvent, StringBuilder target)
    {
        var level = Math.Clamp(logEvent.Level.Ordinal, 0, Levels.Length - 1);
        var colour = colours ? Colours[level] : string.Empty;
        target.Append(colour);
        target.Append(logEvent.TimeStamp.ToUniversalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture));
        target.Append(' ').Append(Levels[level]).Append(' ');
        target.Append(SafeText.EscapeControlCharacters(logEvent.LoggerName)).Append(": ");
        target.Append(SafeText.EscapeControlCharacters(logEvent.FormattedMessage));
        if (logEvent.Exception is { } exception)
        {
            foreach (var line in Describe(exception).Split('\n'))
            {
                target.Append('\n').Append(Indent).Append(SafeText.EscapeControlCharacters(line.TrimEnd('\r')));
            }
        }

        if (colour.Length > 0)
        {
            target.Append(Reset);
        }

        target.Append('\n');
    }

    // The stack trace's own line breaks stay (indented); those inside a message are escaped with the rest of it.
    private static string Describe(Exception exception)
    {
        try
        {
            var text = exception.ToString();
            for (var inner = exception; inner is not null; inner = inner.InnerException)
            {
                var escaped = SafeText.EscapeControlCharacters(inner.Message);
                if (escaped.Length != inner.Message.Length)
                {
                    text = text.Replace(inner.Message, escaped, StringComparison.Ordinal);
                }
            }

            return text;
        }
#pragma warning disable CA1031 // An exception whose ToString fails must still be shown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return exception.GetType().FullName + ": " + exception.Message + " (ToString() threw " + ex.GetType().FullName + ")";
        }
    }
}
